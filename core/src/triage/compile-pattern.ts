import { normalizeWord } from './normalize-text.js';
import type { Term } from './term-index.js';

/** A pattern made concrete: term ids per slot, and the most words allowed before each slot. */
export type Sequence = { slots: number[][]; gaps: number[] };
export type CompiledPattern = { sequences: Sequence[]; problems: string[] };

const WIDE_GAP = 6;
const MAX_SEQUENCES = 5_000;
/** Most slots a pattern may have once its lexicon entries are expanded (the built-in policies' longest has 9). */
export const MAX_PATTERN_SLOTS = 24;
/** Most distinct problems one pattern reports: enough to fix it, never a flood. */
const MAX_PROBLEMS = 20;

/**
 * What compiling a policy's patterns may still spend, counted in slots written into sequences, shared by all of its
 * patterns and every expansion of their lexicon entries: entries used inside each other multiply, so a policy of a few
 * kilobytes could otherwise take seconds to compile.
 */
export type CompileBudget = { slots: number };

/**
 * Lexicon entries' alternatives already compiled in this policy, by depth and text, with the slots they cost: patterns
 * reuse the same entries hundreds of times, and each alternative compiles to the same sequences every time.
 */
export type LexiconExpansions = Map<string, CompiledPattern & { cost: number }>;

function parseTerm(alt: string): Term | null {
  const exact = alt.startsWith('=');
  const stem = alt.endsWith('*');
  const text = normalizeWord(alt.slice(exact ? 1 : 0, stem ? -1 : undefined));
  if (!text) return null;
  return { kind: stem ? 'stem' : 'word', text, fuzzy: !exact };
}

/** Expands `@lexicon` entries and alternatives into plain sequences of term-id slots. */
export function compilePattern(
  pattern: string,
  lexicon: Readonly<Record<string, readonly string[]>>,
  intern: (t: Term) => number,
  gap: number,
  budget: CompileBudget,
  expansions: LexiconExpansions,
  depth = 0,
): CompiledPattern {
  const problems: string[] = [];
  let seqs: Sequence[] = [{ slots: [], gaps: [] }];
  let pendingGap = gap;
  for (const item of pattern.trim().split(/\s+/)) {
    if (budget.slots < 0) return { sequences: [], problems };
    if (item === '...') {
      pendingGap = WIDE_GAP;
      continue;
    }
    const optional = item.length > 1 && item.endsWith('?');
    const alts = (optional ? item.slice(0, -1) : item).split('|').filter(Boolean);
    if (alts.some((a) => a.startsWith('@') || a.includes('_')) || optional) {
      // A union of lexicon entries and words (and, with "?", nothing): expanded into alternative sequences.
      const subs: Sequence[] = optional ? [{ slots: [], gaps: [] }] : [];
      const words: number[] = [];
      for (const alt of alts) {
        if (alt.includes('_')) {
          // A phrase alternative ("se_quedo"): its words stand next to each other.
          const slots = alt
            .split('_')
            .map(parseTerm)
            .filter((t): t is Term => t !== null)
            .map((t) => [intern(t)]);
          if (slots.length > 0) subs.push({ slots, gaps: slots.map(() => 0) });
          continue;
        }
        if (!alt.startsWith('@')) {
          const t = parseTerm(alt);
          if (t) words.push(intern(t));
          continue;
        }
        const name = alt.slice(1);
        const entries = lexicon[name];
        if (!entries || depth > 4) {
          problems.push(entries ? `lexicon entry "@${name}" nests too deeply` : `unknown lexicon entry "@${name}"`);
          return { sequences: [], problems };
        }
        for (const e of entries) {
          const c = expandAlternative(e, lexicon, intern, gap, budget, expansions, depth + 1);
          // Nested entries repeat the same problem once per path: keep each once, and a handful at most (a spread of
          // thousands of them overflowed the call stack).
          for (const problem of c.problems) if (problems.length < MAX_PROBLEMS && !problems.includes(problem)) problems.push(problem);
          for (const sequence of c.sequences) subs.push(sequence);
        }
      }
      if (words.length > 0) subs.push({ slots: [words], gaps: [0] });
      const next: Sequence[] = [];
      for (const s of seqs) {
        for (const sub of subs) {
          if (next.length >= MAX_SEQUENCES) break;
          if (sub.slots.length === 0) {
            next.push(s);
            continue;
          }
          budget.slots -= s.slots.length + sub.slots.length;
          // concat copies each array once; the gap before the sub-sequence's first slot is then the one allowed here.
          const gaps = s.gaps.concat(sub.gaps);
          gaps[s.gaps.length] = s.slots.length > 0 ? pendingGap : 0;
          next.push({ slots: s.slots.concat(sub.slots), gaps });
        }
      }
      if (next.length >= MAX_SEQUENCES) problems.push(`pattern "${pattern}" expands to too many sequences; it was cut`);
      seqs = next;
    } else {
      const slot = alts
        .map(parseTerm)
        .filter((t): t is Term => t !== null)
        .map(intern);
      if (slot.length === 0) {
        problems.push(`pattern "${pattern}" has an empty word`);
        return { sequences: [], problems };
      }
      for (const s of seqs) budget.slots -= s.slots.length + 1;
      seqs = seqs.map((s) => ({ slots: [...s.slots, slot], gaps: [...s.gaps, s.slots.length > 0 ? pendingGap : 0] }));
    }
    pendingGap = gap;
    if (seqs.some((s) => s.slots.length > MAX_PATTERN_SLOTS)) {
      problems.push(`pattern "${pattern}" has more than ${MAX_PATTERN_SLOTS} slots once its lexicon entries are expanded`);
      return { sequences: [], problems };
    }
  }
  return { sequences: seqs.filter((s) => s.slots.length > 0), problems };
}

/**
 * Compiles one alternative of a lexicon entry, or replays its earlier compilation: same sequences, problems and cost.
 * A replay that would overdraw the budget compiles afresh instead, so that compiling stops where it always did.
 */
function expandAlternative(
  alternative: string,
  lexicon: Readonly<Record<string, readonly string[]>>,
  intern: (t: Term) => number,
  gap: number,
  budget: CompileBudget,
  expansions: LexiconExpansions,
  depth: number,
): CompiledPattern {
  const key = `${depth}:${alternative}`;
  const done = expansions.get(key);
  if (done && budget.slots - done.cost >= 0) {
    budget.slots -= done.cost;
    return done;
  }
  const before = budget.slots;
  const c = compilePattern(alternative, lexicon, intern, gap, budget, expansions, depth);
  // Kept only if the budget never ran out inside it, since then its result does not depend on what was left.
  if (budget.slots >= 0) expansions.set(key, { ...c, cost: before - budget.slots });
  return c;
}
