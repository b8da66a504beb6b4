import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInPolicyFiles } from '../src/policies/built-in-policies.js';
import { type Policy, policySchema } from '../src/policy/policy-schema.js';
import type { TextModel } from '../src/triage/text-model-schema.js';
import { triage } from '../src/triage/triage.js';
import { type EvalCase, loadSlice, modelTrainingSlices, type Slice } from './eval-set.js';
import { modelLabelOf, trainTextModel } from './train-text-model.js';

// Usage: npm run train                      writes core/policies/models/<policy>.json from the training slices
//        npm run train -- --cross-validate  leaves each studied blind slice out in turn: rules alone vs rules + model
const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = join(here, '..', 'policies', 'models');
const policies: Policy[] = Object.values(builtInPolicyFiles).map((file) => {
  const p = policySchema.parse(file);
  return { ...p, triage: p.triage ? { ...p.triage, model: undefined } : p.triage };
});
const casesOf = (slices: readonly Slice[]): EvalCase[] => slices.flatMap((s) => loadSlice(s).map((x) => x.case));

const decidedLabel = (policy: Policy, c: EvalCase): string | null => {
  const r = triage(policy, c);
  return r.exclusion ? `excluded:${r.exclusion.id}` : (r.priority ?? r.tier);
};

if (process.argv.includes('--cross-validate')) {
  const thresholds = [0.6, 0.7, 0.8, 0.9, 1.01];
  const total = { n: 0, rules: 0, right: thresholds.map(() => 0) };
  for (const held of modelTrainingSlices.filter((s) => s !== 'dev')) {
    const train = casesOf(modelTrainingSlices.filter((s) => s !== held));
    const test = casesOf([held]).filter((c) => modelLabelOf(c) !== null);
    const right = thresholds.map(() => 0);
    let rules = 0;
    for (const policy of policies) {
      const model = trainTextModel(policy, train);
      const mine = test.filter((c) => c.policy === policy.id);
      for (const c of mine) if (decidedLabel(policy, c) === modelLabelOf(c)) rules++;
      for (const [i, threshold] of thresholds.entries()) {
        const read = threshold > 1 ? policy : { ...policy, triage: { ...policy.triage!, model: { ...model, threshold } } };
        for (const c of mine) if (decidedLabel(read, c) === modelLabelOf(c)) right[i]!++;
      }
    }
    const pct = (x: number) => `${((100 * x) / test.length).toFixed(1)}%`;
    console.log(
      `${held.padEnd(8)} rules ${pct(rules)}  ${thresholds.map((t, i) => `≥${t > 1 ? 'never' : t}: ${pct(right[i]!)}`).join('  ')}`,
    );
    total.n += test.length;
    total.rules += rules;
    for (const [i, x] of right.entries()) total.right[i]! += x;
  }
  const pct = (x: number) => `${((100 * x) / total.n).toFixed(1)}%`;
  console.log(
    `${'all'.padEnd(8)} rules ${pct(total.rules)}  ${thresholds.map((t, i) => `≥${t > 1 ? 'never' : t}: ${pct(total.right[i]!)}`).join('  ')}`,
  );
} else {
  const train = casesOf(modelTrainingSlices);
  mkdirSync(modelsDir, { recursive: true });
  for (const policy of policies) {
    const model = trainTextModel(policy, train);
    writeFileSync(join(modelsDir, `${policy.id}.json`), formatModel(model));
    console.log(
      `${policy.id}: ${model.trainedOn.tickets} tickets, ${model.labels.length} labels, ${Object.keys(model.words).length} words`,
    );
  }
}

/** The model as JSON, one word per line, laid out as the repository's formatter lays it out. */
function formatModel(model: TextModel): string {
  // A list that would pass the formatter's line width goes one item per line, as the formatter writes it.
  const list = (xs: readonly (string | number)[], indent = '  ') => {
    const items = xs.map((x) => JSON.stringify(x));
    const flat = `[${items.join(', ')}]`;
    return flat.length + indent.length + 12 <= 140 ? flat : `[\n${items.map((x) => `${indent}  ${x}`).join(',\n')}\n${indent}]`;
  };
  const words = Object.entries(model.words).map(([w, ws]) => `    ${JSON.stringify(w)}: ${list(ws, '    ')}`);
  return [
    '{',
    `  "labels": ${list(model.labels)},`,
    `  "bias": ${list(model.bias)},`,
    '  "words": {',
    words.join(',\n'),
    '  },',
    `  "threshold": ${model.threshold},`,
    `  "minWords": ${model.minWords},`,
    '  "trainedOn": {',
    `    "tickets": ${model.trainedOn.tickets},`,
    `    "digest": ${JSON.stringify(model.trainedOn.digest)}`,
    '  }',
    '}',
    '',
  ].join('\n');
}
