import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSlice } from '../../eval/eval-set.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { type CompiledTriage, compileTriage } from './compile-triage.js';
import { findMatches, type Match } from './find-matches.js';
import { scanWords, type TokenizedText, tokenize } from './normalize-text.js';

/** The plain depth-first matcher the indexed one must agree with: every entry of every word's terms, in order. */
function referenceMatches(compiled: CompiledTriage, text: TokenizedText): Match[] {
  const { tokens } = text;
  const n = tokens.length;
  const ids = tokens.map((t) => compiled.index.lookup(t.norm));
  const slotPositions = new Map<number, number[]>();
  ids.forEach((list, p) => {
    for (const id of list) {
      for (const sid of compiled.termSlots[id]!) {
        const at = slotPositions.get(sid) ?? [];
        if (at[at.length - 1] !== p) at.push(p);
        slotPositions.set(sid, at);
      }
    }
  });
  const isNeg = (p: number) => compiled.negators.has(tokens[p]!.norm);
  const extend = (slotIds: number[], gaps: number[], k: number, prev: number, clause: number, acc: number[]): boolean => {
    if (k === gaps.length) return true;
    for (const q of slotPositions.get(slotIds[k - 1]!) ?? []) {
      if (q <= prev) continue;
      if (q > prev + 1 + gaps[k]! || tokens[q]!.clause !== clause) break;
      let skipsNegation = false;
      for (let b = prev + 1; b < q; b++) if (isNeg(b)) skipsNegation = true;
      if (skipsNegation) break;
      acc.push(q);
      if (extend(slotIds, gaps, k + 1, q, clause, acc)) return true;
      acc.pop();
    }
    return false;
  };
  const out: Match[] = [];
  const matchedAt = new Map<number, number>();
  for (let p = 0; p < n; p++) {
    const clause = tokens[p]!.clause;
    for (const id of ids[p]!) {
      for (const e of compiled.byFirstTerm[id]!) {
        if (matchedAt.get(e.key) === p) continue;
        const positions = [p];
        if (!extend(e.slotIds, e.seq.gaps, 1, p, clause, positions)) continue;
        matchedAt.set(e.key, p);
        let negated = false;
        for (let b = p - 1; b >= Math.max(0, p - 3) && tokens[b]!.clause === clause; b--) if (isNeg(b)) negated = true;
        out.push({ group: e.group, rule: e.rule, positions, clause, negated });
      }
    }
  }
  return out;
}

describe('findMatches', () => {
  it('finds exactly what the plain depth-first matcher finds, in the same order', () => {
    const cases = [...loadSlice('dev'), ...loadSlice('holdout')].map((x) => x.case);
    let compared = 0;
    for (const [id, policy] of builtInPolicies) {
      const compiled = compileTriage(policy);
      // Each policy's own tickets and a few others', and one long text made of several tickets.
      const texts = cases.filter((c, i) => c.policy === id || i % 7 === 0).map((c) => `${c.subject}\n${c.body}`);
      texts.push(texts.slice(0, 8).join('\n'));
      for (const text of texts) {
        const expected = referenceMatches(compiled, tokenize(text));
        expect(findMatches(compiled, scanWords(text))).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("agrees with the plain matcher on random texts built from the rules' own sequences, near misses included", () => {
    for (const [, policy] of builtInPolicies) {
      const compiled = compileTriage(policy);
      const entries = compiled.byFirstTerm.flat();
      const word = (id: number) => {
        const t = compiled.index.terms[id]!;
        return t.kind === 'stem' ? `${t.text}ando` : t.text;
      };
      // One pattern spelt out: a term for each slot, with up to two words more than its gap allows between slots,
      // sometimes a negation or a clause break in between.
      const spelt = fc
        .record({
          e: fc.nat(entries.length - 1),
          picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
          fill: fc.array(fc.nat(8), { minLength: 8, maxLength: 8 }),
          noise: fc.array(fc.constantFrom('', '', '', 'no', 'pero', ',', '.'), { minLength: 8, maxLength: 8 }),
        })
        .map(({ e, picks, fill, noise }) => {
          const entry = entries[e]!;
          return entry.seq.slots
            .map((slot, j) => {
              const gap = entry.seq.gaps[j] ?? 0;
              const between =
                j === 0 ? [] : Array.from({ length: fill[j % 8]! % (gap + 3) }, (_, k) => (k === 0 && noise[j % 8] ? noise[j % 8]! : 'x'));
              return [...between, word(slot[picks[j % 8]! % slot.length]!)].join(' ');
            })
            .join(' ');
        });
      fc.assert(
        fc.property(fc.array(spelt, { minLength: 1, maxLength: 12 }), (parts) => {
          const text = parts.join(' ');
          expect(findMatches(compiled, scanWords(text))).toEqual(referenceMatches(compiled, tokenize(text)));
        }),
        { numRuns: 200, seed: 7 },
      );
    }
  });
});
