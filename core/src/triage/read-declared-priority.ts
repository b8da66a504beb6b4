import type { CompiledTriage } from './compile-triage.js';

export type DeclaredPriority = { priority: string; words: string };

const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|rv|enc)\s*:\s*)+/;

const ASCII = /^[\x00-\x7f]*$/;
const RUN3 = /(.)\1{2,}/g;
const MARKS = /\p{M}/gu;

function fold(s: string): string {
  const lower = s.toLowerCase();
  // NFD leaves ASCII text as it is and it has no marks to strip.
  return (ASCII.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '')).replace(RUN3, '$1');
}

const WORD = /[\p{L}\p{N}]+/gu;
type Word = { 0: string; index: number };
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** `[...s.matchAll(WORD)]`; for ASCII text, where letters and digits are [A-Za-z0-9], without the regex. */
function wordsOf(s: string): Word[] {
  if (!ASCII.test(s)) return [...s.matchAll(WORD)] as Word[];
  const out: Word[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiWordChar(s.charCodeAt(i))) i++;
    out.push({ 0: s.slice(start, i), index: start });
  }
  return out;
}

/**
 * The priority a customer wrote in the subject: "Prioridad Alta - …", "Alta prioridad: …",
 * "URGENTE: …", "[Urgent] …", "… - prioridad alta", or a bare word of `declaredPriority.bare` first.
 */
export function readDeclaredPriority(compiled: CompiledTriage, subject: string): DeclaredPriority | null {
  const s = fold(subject).replace(REPLY_PREFIX, '');
  const words = wordsOf(s);
  if (words.length === 0) return null;
  const lookup = (w: string | undefined) => {
    if (!w) return undefined;
    return compiled.declaredWords.get(w) ?? compiled.declaredWords.get(w.replace(/([aeiou])\1$/, '$1'));
  };
  const prefixes = compiled.declaredPrefixes;
  // "prioridad alta" / "alta prioridad" anywhere in the subject.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0];
    if (!prefixes.includes(w)) continue;
    const next = words[i + 1]?.[0];
    const prev = words[i - 1]?.[0];
    const id = lookup(next) ?? lookup(prev);
    if (id) return { priority: id, words: subject.trim().slice(0, 60) };
  }
  // "URGENTE: …", "[Urgent] …", "Urgente - …", or the whole subject is the word.
  const first = words[0]!;
  const firstWord = first[0];
  const after = s.slice(first.index + firstWord.length).trimStart();
  const before = s.slice(0, first.index).trim();
  const id = lookup(firstWord);
  if (id && (after === '' || /^[\]):\-–—!|]/.test(after) || /[[(]$/.test(before) || compiled.declaredBare.has(firstWord))) {
    return { priority: id, words: firstWord };
  }
  // "… - URGENTE" / "… (urgente)" at the end.
  const last = words[words.length - 1]!;
  const lastId = lookup(last[0]);
  if (lastId && words.length > 1) {
    const lead = s.slice(0, last.index).trimEnd();
    if (/[-–—:([]$/.test(lead) && compiled.declaredBare.has(last[0])) return { priority: lastId, words: last[0] };
  }
  return null;
}
