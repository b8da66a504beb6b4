import type { Sequence } from './compile-pattern.js';
import type { CompiledTriage, Entry } from './compile-triage.js';
import type { Words } from './normalize-text.js';

/** One place where one rule's pattern matched; `negated` when a negation stands just before it. */
export type Match = { group: Entry['group']; rule: number; positions: number[]; clause: number; negated: boolean };

/** A match is negated when a negation word stands at most this many words before its first word, in its clause. */
export const NEGATION_WINDOW = 3;

/**
 * What a match is, written plainly: the definition of phrase matching. Triage runs the compiled `PhraseMatcher`
 * (find-matches.ts), which must find exactly these matches in the same order; differential tests hold the two together.
 * To change what matching means, change this first, then the fast path until the tests agree again.
 *
 * For every word p of the text (the start word), for every term the word satisfies, for every compiled entry (one
 * expanded pattern of one rule) whose first slot accepts that term, in the order the rules were written:
 * - each later slot of the entry must be filled by a word after the previous slot's word, with at most the slot's `gap`
 *   words between them, in the same clause, and no negation word among those skipped (a negation may fill the slot
 *   itself); the earliest such words are taken (depth first);
 * - a rule reports at most one match per start word: its first entry that matches;
 * - the match is `negated` when a negation word stands up to NEGATION_WINDOW words before p, in p's clause.
 */
export function findMatchesPlainly(compiled: CompiledTriage, words: Words): Match[] {
  const termsOf: ReadonlySet<number>[] = [];
  for (let p = 0; p < words.n; p++) termsOf.push(new Set(compiled.index.lookup(words.norm[p]!)));
  const fills = (p: number, slot: readonly number[]) => slot.some((term) => termsOf[p]!.has(term));
  const negates = (p: number) => compiled.negators.has(words.norm[p]!);
  const clauseOf = (p: number) => words.clause[p]!;

  /** The earliest words filling slots k.. of `seq` after word `previous`, or null when they cannot be filled. */
  const laterWords = (seq: Sequence, k: number, previous: number): number[] | null => {
    if (k === seq.slots.length) return [];
    const last = Math.min(words.n - 1, previous + 1 + seq.gaps[k]!);
    for (let q = previous + 1; q <= last && clauseOf(q) === clauseOf(previous); q++) {
      if (fills(q, seq.slots[k]!)) {
        const rest = laterWords(seq, k + 1, q);
        if (rest) return [q, ...rest];
      }
      // A gap never skips a negation: "no" between "factura" and "sale" breaks "factura ... sale".
      if (negates(q)) break;
    }
    return null;
  };

  const negatedAt = (p: number) => {
    for (let b = p - 1; b >= Math.max(0, p - NEGATION_WINDOW) && clauseOf(b) === clauseOf(p); b--) if (negates(b)) return true;
    return false;
  };

  const matches: Match[] = [];
  /** Rule key → the start word of its last match. */
  const lastStart = new Map<number, number>();
  for (let p = 0; p < words.n; p++) {
    for (const term of compiled.index.lookup(words.norm[p]!)) {
      for (const entry of compiled.byFirstTerm[term]!) {
        if (lastStart.get(entry.key) === p) continue;
        const rest = laterWords(entry.seq, 1, p);
        if (rest === null) continue;
        lastStart.set(entry.key, p);
        matches.push({ group: entry.group, rule: entry.rule, positions: [p, ...rest], clause: clauseOf(p), negated: negatedAt(p) });
      }
    }
  }
  return matches;
}
