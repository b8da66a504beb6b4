import type { CompiledTriage, Entry } from './compile-triage.js';
import type { TokenizedText } from './normalize-text.js';

/** One place where one rule's pattern matched; `negated` when a negation stands just before it. */
export type Match = { group: Entry['group']; rule: number; positions: number[]; clause: number; negated: boolean };

const NEGATION_WINDOW = 3;

/** Every rule match in the text, at most one per rule and start word; patterns never cross a clause. */
export function findMatches(compiled: CompiledTriage, text: TokenizedText): Match[] {
  const { tokens } = text;
  const ids = tokens.map((t) => compiled.index.lookup(t.norm));
  const out: Match[] = [];
  // Start word of the last match of each (group, rule): one match per rule and start word is enough.
  const matchedAt = new Int32Array(compiled.ruleKeys).fill(-1);
  // Terms present anywhere in the text; an entry with a slot none of them fills can never match (cached per entry).
  const present = new Uint8Array(compiled.index.terms.length);
  for (const list of ids) for (const id of list) present[id] = 1;
  const slotState = new Int8Array(compiled.slotMembers.length); // 0 unknown, 1 some word fills it, -1 none
  const viable = new Int8Array(compiled.entries); // 0 unknown, 1 yes, -1 no
  const isViable = (e: Entry) => {
    let v = viable[e.index]!;
    if (v === 0) {
      v = 1;
      for (const sid of e.slotIds) {
        let st = slotState[sid]!;
        if (st === 0) {
          st = -1;
          for (const id of compiled.slotMembers[sid]!) if (present[id] === 1) { st = 1; break; }
          slotState[sid] = st;
        }
        if (st === -1) { v = -1; break; }
      }
      viable[e.index] = v;
    }
    return v === 1;
  };
  const has = (slot: ReadonlySet<number>, at: number) => {
    for (const a of ids[at]!) if (slot.has(a)) return true;
    return false;
  };
  // Depth-first: the next slot may stand up to its gap of words after the previous one, in the same clause.
  const extend = (slots: readonly ReadonlySet<number>[], gaps: number[], k: number, prev: number, clause: number, acc: number[]): number[] | null => {
    if (k === slots.length) return acc;
    const last = Math.min(tokens.length - 1, prev + 1 + gaps[k]!);
    for (let q = prev + 1; q <= last; q++) {
      if (tokens[q]!.clause !== clause) break;
      const hit = has(slots[k]!, q);
      if (!hit && compiled.negators.has(tokens[q]!.norm)) break; // a gap never skips a negation
      if (hit) {
        acc.push(q);
        const done = extend(slots, gaps, k + 1, q, clause, acc);
        if (done) return done;
        acc.pop();
      }
    }
    return null;
  };
  for (let p = 0; p < tokens.length; p++) {
    const clause = tokens[p]!.clause;
    for (const id of ids[p]!) {
      for (const e of compiled.byFirstTerm[id]!) {
        if (matchedAt[e.key] === p || (e.sets.length > 1 && !isViable(e))) continue;
        const positions = e.sets.length === 1 ? [p] : extend(e.sets, e.seq.gaps, 1, p, clause, [p]);
        if (!positions) continue;
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
