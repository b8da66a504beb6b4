// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included, on purpose.
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;

/** Lower case without accents ("Média" → "media", "NÃO" → "nao"); ASCII text skips the Unicode decomposition. */
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}
