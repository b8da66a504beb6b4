import type { CompiledTriage, Entry } from './compile-triage.js';
import type { TokenizedText } from './normalize-text.js';

/** One place where one rule's pattern matched; `negated` when a negation stands just before it. */
export type Match = { group: Entry['group']; rule: number; positions: number[]; clause: number; negated: boolean };

const NEGATION_WINDOW = 3;
const EMPTY: readonly number[] = Object.freeze([]);

/** Every rule match in the text, at most one per rule and start word; patterns never cross a clause. */
export function findMatches(compiled: CompiledTriage, text: TokenizedText): Match[] {
  const { tokens } = text;
  const n = tokens.length;
  const ids = new Array<readonly number[]>(n);
  // Positions (ascending) that fill each distinct slot, and a running count of negations (a gap never skips one).
  const slotPositions = new Array<number[] | undefined>(compiled.slotMembers.length);
  const negBefore = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) {
    const list = compiled.index.lookup(tokens[p]!.norm);
    ids[p] = list;
    for (const id of list) {
      for (const sid of compiled.termSlots[id]!) {
        const at = slotPositions[sid];
        if (!at) slotPositions[sid] = [p];
        else if (at[at.length - 1] !== p) at.push(p);
      }
    }
    negBefore[p + 1] = negBefore[p]! + (compiled.negators.has(tokens[p]!.norm) ? 1 : 0);
  }
  const positionsOf = (sid: number): readonly number[] => slotPositions[sid] ?? EMPTY;
  // Depth-first: the next slot stands after the previous one, within its gap, in the same clause, with no negation skipped.
  const extend = (e: Entry, k: number, prev: number, clause: number, acc: number[]): boolean => {
    if (k === e.seq.slots.length) return true;
    const last = prev + 1 + e.seq.gaps[k]!;
    for (const q of positionsOf(e.slotIds[k - 1]!)) {
      if (q <= prev) continue;
      if (q > last || tokens[q]!.clause !== clause) break;
      if (negBefore[q]! - negBefore[prev + 1]! > 0) break;
      acc.push(q);
      if (extend(e, k + 1, q, clause, acc)) return true;
      acc.pop();
    }
    return false;
  };
  const out: Match[] = [];
  // Start word of the last match of each (group, rule): one match per rule and start word is enough.
  const matchedAt = new Int32Array(compiled.ruleKeys).fill(-1);
  for (let p = 0; p < n; p++) {
    const clause = tokens[p]!.clause;
    for (const id of ids[p]!) {
      for (const e of compiled.byFirstTerm[id]!) {
        if (matchedAt[e.key] === p) continue;
        const positions = [p];
        if (e.slotIds.length > 0 && !extend(e, 1, p, clause, positions)) continue;
        matchedAt[e.key] = p;
        let negated = false;
        for (let b = p - 1; b >= Math.max(0, p - NEGATION_WINDOW); b--) {
          if (tokens[b]!.clause !== clause) break;
          if (compiled.negators.has(tokens[b]!.norm)) {
            negated = true;
            break;
          }
        }
        out.push({ group: e.group, rule: e.rule, positions, clause, negated });
      }
    }
  }
  return out;
}
