/** One word of the ticket: its normalised form, where it stands in the original text, and its clause. */
export type Token = { norm: string; start: number; end: number; clause: number };
export type Clause = { afterContrast: boolean };
export type TokenizedText = { text: string; tokens: Token[]; clauses: Clause[] };

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;
const JOINERS = /[-'’]/g;
const RUN3 = /(.)\1{2,}/g;
const TRAILING_DOUBLE_VOWEL = /([aeiou])\1$/;

const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 50_000;

/** Lower-case, no accents, no inner hyphens/apostrophes, shouting collapsed ("FACTURAAA" → "factura"). */
export function normalizeWord(raw: string): string {
  const hit = wordCache.get(raw);
  if (hit !== undefined) return hit;
  const w = normalizeUncached(raw);
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(raw, w);
  return w;
}

function normalizeUncached(raw: string): string {
  let w = raw.toLowerCase();
  if (!ASCII.test(w)) w = w.normalize('NFD').replace(MARKS, '');
  if (w.includes('-') || w.includes("'") || w.includes('’')) w = w.replace(JOINERS, '');
  w = w.replace(RUN3, '$1');
  if (w.length > 4) w = w.replace(TRAILING_DOUBLE_VOWEL, '$1');
  return w;
}

/** Normalises free text the same way as words (for lookups of whole phrases). */
export function normalizeText(raw: string): string {
  return raw
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeWord)
    .join(' ');
}

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co|net|org|io|es|pt|br|cl|app)(?:\/\S*)?/gi;
const MAYBE_URL = /@|:\/\/|www\.|\.(?:com|co|net|org|io|es|pt|br|cl|app)\b/i;

/** Contrast words open a clause whose evidence outweighs what came before ("lento, pero sí facturamos"). */
const CONTRAST = new Set(['pero', 'but', 'however', 'porem', 'contudo', 'aunque', 'although', 'though', 'embora', 'embargo', 'entretanto', 'mientras']);

// Character classes by code: 1 word character, 2 clause-ending punctuation, 3 joiner inside a word (- ' ’).
const CLASS = new Uint8Array(0x3000);
for (let c = 0; c < CLASS.length; c++) {
  const ch = String.fromCharCode(c);
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) CLASS[c] = 1;
  else if ('.,;:!?¿¡()[]"\n|/'.includes(ch)) CLASS[c] = 2;
  else if ("-'’".includes(ch)) CLASS[c] = 3;
}
const classOf = (c: number) => (c < CLASS.length ? CLASS[c]! : 1);

/** Splits a ticket into normalised words and clauses, keeping each word's place in the original text. */
export function tokenize(raw: string): TokenizedText {
  const text = MAYBE_URL.test(raw) ? raw.replace(URL_OR_EMAIL, (m) => ' '.repeat(m.length)) : raw;
  const tokens: Token[] = [];
  const clauses: Clause[] = [{ afterContrast: false }];
  let clause = 0;
  let lastWasComma = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = classOf(text.charCodeAt(i));
    if (k === 2) {
      if (tokens.length > 0 && tokens[tokens.length - 1]!.clause === clause) {
        clauses.push({ afterContrast: false });
        clause++;
      }
      lastWasComma = text.charCodeAt(i) === 44;
      i++;
      continue;
    }
    if (k !== 1) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = classOf(text.charCodeAt(i));
      if (c === 1) i++;
      else if (c === 3 && i + 1 < n && classOf(text.charCodeAt(i + 1)) === 1) i += 2;
      else break;
    }
    const piece = text.slice(start, i);
    const norm = normalizeWord(piece);
    // Portuguese "mas" (but) is a contrast only after a comma: Spanish "mas" is usually "más" (more) typed without its accent.
    const contrast = CONTRAST.has(norm) || (norm === 'mas' && lastWasComma && piece.toLowerCase() === 'mas');
    lastWasComma = false;
    if (contrast) {
      clauses.push({ afterContrast: true });
      clause++;
    }
    tokens.push({ norm, start, end: i, clause });
  }
  return { text: raw, tokens, clauses };
}
