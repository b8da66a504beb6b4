import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSlice } from '../../eval/eval-set.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { type CompiledTriage, compileTriage } from './compile-triage.js';
import { PhraseMatcher } from './find-matches.js';
import { findMatchesPlainly } from './find-matches-plainly.js';
import { WordScanner } from './normalize-text.js';

const scanner = new WordScanner();
const scanWords = (text: string) => scanner.scan(text);
const evaluationTexts = [...loadSlice('dev'), ...loadSlice('holdout')].map((x) => `${x.case.subject}\n${x.case.body}`);

/** A word that satisfies term `id`: the word itself, or a word its stem starts. */
const wordFor = (compiled: CompiledTriage, id: number) => {
  const t = compiled.index.terms[id]!;
  return t.kind === 'stem' ? `${t.text}ando` : t.text;
};

/**
 * One pattern of the policy spelt out: a term for each slot, with up to two words more than its gap allows between
 * slots, sometimes a negation or a clause break in between.
 */
function speltPatterns(compiled: CompiledTriage): fc.Arbitrary<string> {
  const entries = compiled.byFirstTerm.flat();
  return fc
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
          return [...between, wordFor(compiled, slot[picks[j % 8]! % slot.length]!)].join(' ');
        })
        .join(' ');
    });
}

/** Words of the policy's terms, its negations and clause breaks in any order: matches overlap, nest and repeat. */
function wordSoup(compiled: CompiledTriage): fc.Arbitrary<string> {
  const terms = compiled.index.terms.length;
  const negation = [...compiled.negators][0] ?? 'no';
  const token = fc.oneof(
    { weight: 8, arbitrary: fc.nat(terms - 1).map((id) => wordFor(compiled, id)) },
    { weight: 1, arbitrary: fc.constantFrom(negation, 'pero', 'but', ',', '.', '\n', 'x') },
  );
  return fc.array(token, { minLength: 1, maxLength: 60 }).map((words) => words.join(' '));
}

describe('PhraseMatcher', () => {
  it('finds exactly what the plain definition finds, in the same order, on every evaluation ticket', () => {
    let compared = 0;
    for (const [, policy] of builtInPolicies) {
      const compiled = compileTriage(policy);
      const matcher = new PhraseMatcher(compiled);
      // One long text made of several tickets too.
      for (const text of [...evaluationTexts, evaluationTexts.slice(0, 12).join('\n')]) {
        const words = scanWords(text);
        expect(matcher.find(words)).toEqual(findMatchesPlainly(compiled, words));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("finds exactly what the plain definition finds on generated texts: the rules' own patterns spelt out, near misses included", () => {
    for (const [, policy] of builtInPolicies) {
      const compiled = compileTriage(policy);
      const matcher = new PhraseMatcher(compiled);
      fc.assert(
        fc.property(fc.array(speltPatterns(compiled), { minLength: 1, maxLength: 12 }), (parts) => {
          const words = scanWords(parts.join(' '));
          expect(matcher.find(words)).toEqual(findMatchesPlainly(compiled, words));
        }),
        { numRuns: 200, seed: 7 },
      );
    }
  });

  it("finds exactly what the plain definition finds on generated word soups of the policy's terms, negations and clause breaks", () => {
    for (const [, policy] of builtInPolicies) {
      const compiled = compileTriage(policy);
      const matcher = new PhraseMatcher(compiled);
      fc.assert(
        fc.property(wordSoup(compiled), (text) => {
          const words = scanWords(text);
          expect(matcher.find(words)).toEqual(findMatchesPlainly(compiled, words));
        }),
        { numRuns: 150, seed: 11 },
      );
    }
  });

  it('gives every text the same matches when matchers of several policies, and two of one policy, take turns on two scanners', () => {
    const policies = [...builtInPolicies.values()].map((p) => compileTriage(p));
    const texts = evaluationTexts.filter((_, i) => i % 5 === 0);
    // Every text scanned first, by two scanners in turn whose small vocabularies keep being replaced: scans, like matches,
    // stay valid while others are made, and a matcher reads texts of several vocabularies in any order.
    const scanners = [new WordScanner(100), new WordScanner(150)];
    const scanned = texts.map((t, i) => scanners[i % 2]!.scan(t));
    expect(new Set(scanned.map((w) => w.vocabulary)).size).toBeGreaterThan(4);
    const expected = policies.map((c) => scanned.map((w) => findMatchesPlainly(c, w)));
    const matchers = [...policies.map((c) => new PhraseMatcher(c)), new PhraseMatcher(policies[0]!)];
    const policyOf = (m: number) => (m === policies.length ? 0 : m);
    const results: { m: number; t: number; matches: ReturnType<PhraseMatcher['find']> }[] = [];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(matchers.length - 1), fc.nat(texts.length - 1)), { minLength: 50, maxLength: 50 }), (turns) => {
        for (const [m, t] of turns) results.push({ m, t, matches: matchers[m]!.find(scanned[t]!) });
      }),
      { numRuns: 20, seed: 3 },
    );
    // Checked after all the turns: no later call changed an earlier result.
    for (const { m, t, matches } of results) expect(matches).toEqual(expected[policyOf(m)]![t]);
    expect(new Set(results.map((r) => r.m)).size).toBe(matchers.length);
  });
});
