import { createHash } from 'node:crypto';
import type { Policy } from '../src/policy/policy-schema.js';
import { MODEL_WORD_SCALE } from '../src/triage/text-model-reader.js';
import { exclusionLabel, type TextModel } from '../src/triage/text-model-schema.js';
import { textModelWords } from '../src/triage/triage.js';
import type { EvalCase } from './eval-set.js';

/** Passes over the training tickets, step size and L2 penalty of the stochastic gradient descent (fixed: training is repeatable). */
const EPOCHS = 100;
const STEP = 0.5;
const BIAS_STEP = 0.05;
const L2 = 0.01;
/** A word must occur in this many training tickets to get weights (one ticket's odd word teaches nothing). */
const MIN_TICKETS = 2;
/** Weights are stored rounded to this many decimals: the file stays readable and diffs stay small. */
const DECIMALS = 4;
/**
 * The probability the model needs to override the rules: of the thresholds that keep the holdout slice (never trained on) at
 * 99 % or more, the best when each studied blind slice is left out in turn (`npm run train -- --cross-validate`): 98.9 %
 * (0.6 scored 99.1 % there but overrode strong rule evidence on 5 holdout tickets).
 */
export const MODEL_THRESHOLD = 0.8;
/**
 * The fewest distinct words the model must read before it may override: a one-line ticket gives a few words far too much
 * weight, and short texts are what the rules' own examples (the vendors' seed sentences) are made of.
 */
export const MODEL_MIN_WORDS = Number(process.env.PLAZO_MIN_WORDS ?? 15);

/** What a labelled ticket teaches the model: an exclusion, else the priority, else the tier; null when it names none. */
export function modelLabelOf(c: EvalCase): string | null {
  if (c.expect.exclusion) return exclusionLabel(c.expect.exclusion);
  if (c.expect.excluded) return null;
  return c.expect.priority ?? c.expect.tier ?? null;
}

/** sha256 of the labelled tickets a model is trained on, in order. */
export function trainingDigest(cases: readonly EvalCase[]): string {
  const h = createHash('sha256');
  for (const c of cases) h.update(JSON.stringify([c.subject, c.body, modelLabelOf(c)])).update('\n');
  return h.digest('hex');
}

/** A softmax regression over the words triage reads, trained by stochastic gradient descent in the tickets' order. */
export function trainTextModel(policy: Policy, labelled: readonly EvalCase[]): TextModel {
  const cases = labelled.filter((c) => c.policy === policy.id && modelLabelOf(c) !== null);
  const labels = [...new Set(cases.map((c) => modelLabelOf(c)!))].sort();
  const wordsOf = cases.map((c) => textModelWords(policy, c));
  const tickets = new Map<string, number>();
  for (const ws of wordsOf) for (const w of ws) tickets.set(w, (tickets.get(w) ?? 0) + 1);
  const vocabulary = [...tickets]
    .filter(([, n]) => n >= MIN_TICKETS)
    .map(([w]) => w)
    .sort();
  const rowOf = new Map(vocabulary.map((w, i) => [w, i]));
  const k = labels.length;
  const weights = new Float64Array(vocabulary.length * k);
  const bias = new Float64Array(k);
  const examples = cases.map((c, i) => ({
    rows: wordsOf[i]!.flatMap((w) => (rowOf.has(w) ? [rowOf.get(w)!] : [])),
    value: wordsOf[i]!.length > 0 ? MODEL_WORD_SCALE / Math.sqrt(wordsOf[i]!.length) : 0,
    label: labels.indexOf(modelLabelOf(c)!),
  }));
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { rows, value, label } of examples) {
      z.set(bias);
      for (const r of rows) for (let j = 0; j < k; j++) z[j] = z[j]! + value * weights[r * k + j]!;
      const top = Math.max(...z);
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.exp(z[j]! - top);
      for (let j = 0; j < k; j++) {
        const gradient = Math.exp(z[j]! - top) / sum - (j === label ? 1 : 0);
        bias[j] = bias[j]! - BIAS_STEP * gradient;
        for (const r of rows) {
          const at = r * k + j;
          weights[at] = weights[at]! - STEP * (gradient * value + L2 * weights[at]!);
        }
      }
    }
  }
  const round = (x: number) => Number(x.toFixed(DECIMALS)) || 0;
  const words: Record<string, number[]> = {};
  vocabulary.forEach((w, i) => {
    const row = Array.from(weights.subarray(i * k, i * k + k), round);
    if (row.some((x) => x !== 0)) words[w] = row;
  });
  return {
    labels,
    bias: Array.from(bias, round),
    words,
    threshold: MODEL_THRESHOLD,
    minWords: MODEL_MIN_WORDS,
    trainedOn: { tickets: cases.length, digest: trainingDigest(cases) },
  };
}
