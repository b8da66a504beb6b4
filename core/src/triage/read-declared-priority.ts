import type { CompiledTriage } from './compile-triage.js';
import { foldText } from './fold-text.js';

export type DeclaredPriority = { priority: string; words: string };

const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|rv|enc)\s*:\s*)+/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included, on purpose.
const ASCII = /^[\x00-\x7f]*$/;
const RUN3 = /(.)\1{2,}/g;

const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** Whether RUN3 matches: three equal code units in a row that `.` matches. */
function hasRun3(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2) && !isLineTerminator(c)) return true;
  }
  return false;
}

/** The subject folded (see `foldText`) with shouted runs collapsed ("URGENTEEE" → "urgente"). */
function foldSubject(s: string): string {
  const bare = foldText(s);
  // Most subjects have no run to collapse: a scan is cheaper than the replace.
  return hasRun3(bare) ? bare.replace(RUN3, '$1') : bare;
}

const WORD = /[\p{L}\p{N}]+/gu;
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** The subject's words, word i at s[at[2i], at[2i + 1]). */
type SubjectWords = { count: number; at: number[] };

/** The matches of WORD in `s`; for ASCII text, where letters and digits are [A-Za-z0-9], without the regex. */
function findWords(s: string): SubjectWords {
  const at: number[] = [];
  if (!ASCII.test(s)) {
    for (const m of s.matchAll(WORD)) at.push(m.index, m.index + m[0].length);
    return { count: at.length >> 1, at };
  }
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiWordChar(s.charCodeAt(i))) i++;
    at.push(start, i);
  }
  return { count: at.length >> 1, at };
}

const isVowel = (c: number) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117;

/** The priority a word declares, as is or with a doubled final vowel made single ("urgentee": /([aeiou])\1$/ → "$1"). */
function lookup(declaredWords: ReadonlyMap<string, string>, w: string): string | undefined {
  const id = declaredWords.get(w);
  if (id !== undefined) return id;
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  return n >= 2 && isVowel(last) && w.charCodeAt(n - 2) === last ? declaredWords.get(w.slice(0, n - 1)) : undefined;
}

/** The priority word `i` of `s` declares, if word `i` exists. */
function lookupWord(compiled: CompiledTriage, s: string, words: SubjectWords, i: number): string | undefined {
  return i >= 0 && i < words.count ? lookup(compiled.declaredWords, s.slice(words.at[2 * i]!, words.at[2 * i + 1]!)) : undefined;
}

/** Whether s[start, end) is one of `words` (compared in place, without cutting the word out). */
function isOneOf(words: readonly string[], s: string, start: number, end: number): boolean {
  for (const w of words) if (w.length === end - start && s.startsWith(w, start)) return true;
  return false;
}

const CLOSES_MARKER = /^[\]):\-–—!|]/;
const OPENS_MARKER = /[[(]$/;
const SEPARATES_END = /[-–—:([]$/;

/**
 * The priority a customer wrote in the subject: "Prioridad Alta - …", "Alta prioridad: …",
 * "URGENTE: …", "[Urgent] …", "… - prioridad alta", or a bare word of `declaredPriority.bare` first.
 */
export function readDeclaredPriority(compiled: CompiledTriage, subject: string): DeclaredPriority | null {
  const s = foldSubject(subject).replace(REPLY_PREFIX, '');
  const words = findWords(s);
  const { count, at } = words;
  if (count === 0) return null;
  // "prioridad alta" / "alta prioridad" anywhere in the subject.
  for (let i = 0; i < count; i++) {
    if (!isOneOf(compiled.declaredPrefixes, s, at[2 * i]!, at[2 * i + 1]!)) continue;
    const id = lookupWord(compiled, s, words, i + 1) ?? lookupWord(compiled, s, words, i - 1);
    if (id) return { priority: id, words: subject.trim().slice(0, 60) };
  }
  // "URGENTE: …", "[Urgent] …", "Urgente - …", or the whole subject is the word.
  const firstStart = at[0]!;
  const firstEnd = at[1]!;
  const firstWord = s.slice(firstStart, firstEnd);
  const id = lookup(compiled.declaredWords, firstWord);
  if (id) {
    const after = s.slice(firstEnd).trimStart();
    if (
      after === '' ||
      CLOSES_MARKER.test(after) ||
      OPENS_MARKER.test(s.slice(0, firstStart).trim()) ||
      compiled.declaredBare.has(firstWord)
    ) {
      return { priority: id, words: firstWord };
    }
  }
  // "… - URGENTE" / "… (urgente)" at the end.
  if (count > 1) {
    const lastStart = at[2 * count - 2]!;
    const lastWord = s.slice(lastStart, at[2 * count - 1]!);
    const lastId = lookup(compiled.declaredWords, lastWord);
    if (lastId && SEPARATES_END.test(s.slice(0, lastStart).trimEnd()) && compiled.declaredBare.has(lastWord))
      return { priority: lastId, words: lastWord };
  }
  return null;
}
