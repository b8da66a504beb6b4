import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toReadableJson } from '../src/cli/to-readable-json.js';
import { builtInPolicyFiles } from '../src/policies/built-in-policies.js';
import { parsePolicy } from '../src/policy/parse-policy.js';
import { type Policy, policySchema } from '../src/policy/policy-schema.js';
import { decisionLabel, type TextModel } from '../src/triage/text-model-schema.js';
import { triage } from '../src/triage/triage.js';
import { type EvalCase, evalCaseSchema, loadSlice, modelTrainingSlices, type Slice } from './eval-set.js';
import { modelLabelOf, trainTextModel } from './train-text-model.js';
import { withoutTextModel } from './without-text-model.js';

// Usage: npm run train                      writes core/policies/models/<policy>.json from the training slices
//        npm run train -- --cross-validate  leaves each studied blind slice out in turn: rules alone vs rules + model
//        npm run train -- --policy my-policy.json --tickets labelled.jsonl [--out trained.json]
//                                           trains your own policy's model on your labelled tickets (stdout without --out)
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = join(here, '..', 'policies', 'models');
const policies: Policy[] = Object.values(builtInPolicyFiles).map((file) => withoutTextModel(policySchema.parse(file)));
const casesOf = (slices: readonly Slice[]): EvalCase[] => slices.flatMap((s) => loadSlice(s).map((x) => x.case));

const decidedLabel = (policy: Policy, c: EvalCase): string | null => decisionLabel(triage(policy, c));

if (option('--policy') !== undefined || option('--tickets') !== undefined) {
  trainOwnPolicy(option('--policy'), option('--tickets'), option('--out'));
} else if (args.includes('--cross-validate')) {
  const thresholds = [0.6, 0.7, 0.8, 0.9];
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
        const read: Policy = { ...policy, triage: { ...policy.triage!, model: { ...model, threshold } } };
        for (const c of mine) if (decidedLabel(read, c) === modelLabelOf(c)) right[i]!++;
      }
    }
    const pct = (x: number) => `${((100 * x) / test.length).toFixed(1)}%`;
    console.log(`${held.padEnd(8)} rules ${pct(rules)}  ${thresholds.map((t, i) => `model ≥ ${t}: ${pct(right[i]!)}`).join('  ')}`);
    total.n += test.length;
    total.rules += rules;
    for (const [i, x] of right.entries()) total.right[i]! += x;
  }
  const pct = (x: number) => `${((100 * x) / total.n).toFixed(1)}%`;
  console.log(
    `${'all'.padEnd(8)} rules ${pct(total.rules)}  ${thresholds.map((t, i) => `model ≥ ${t}: ${pct(total.right[i]!)}`).join('  ')}`,
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

/** Stops with what is wrong and how to fix it. */
function refuse(message: string): never {
  console.error(`plazo train: ${message}`);
  process.exit(1);
}

/** Reads a policy file and labelled tickets, trains the policy's model and writes the policy with it as `triage.model`. */
function trainOwnPolicy(policyPath: string | undefined, ticketsPath: string | undefined, out: string | undefined): void {
  if (!policyPath || !ticketsPath) refuse('give both --policy <policy.json> and --tickets <labelled.jsonl>');
  for (const path of [policyPath, ticketsPath]) if (!existsSync(path)) refuse(`${path} does not exist`);
  let file: Record<string, unknown>;
  try {
    file = JSON.parse(readFileSync(policyPath, 'utf8'));
  } catch (e) {
    refuse(`${policyPath} is not JSON: ${(e as Error).message}`);
  }
  const parsed = parsePolicy(file);
  if (!parsed.ok)
    refuse(`${policyPath}: ${parsed.issue.detail}\n${(parsed.issue.problems ?? []).map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  const policy = withoutTextModel(parsed.value);
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  for (const [i, line] of readFileSync(ticketsPath, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    const read = readLabelled(line, policy.id);
    if (typeof read === 'string') problems.push(`line ${i + 1}: ${read}`);
    else cases.push(read);
  }
  if (problems.length > 0) refuse(`${ticketsPath} has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const labels = new Set(cases.map((c) => modelLabelOf(c)));
  if (labels.size < 2)
    refuse(`${ticketsPath}: the tickets need at least two different labels to learn from (found ${[...labels].join(', ') || 'none'})`);
  const model = trainTextModel(policy, cases);
  const check = parsePolicy({ ...file, triage: { ...(file.triage as object), model } });
  if (!check.ok)
    refuse(`the trained model does not fit the policy: ${(check.issue.problems ?? []).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const json = toReadableJson({ ...file, triage: { ...(file.triage as object), model } });
  const summary = `${model.trainedOn.tickets} tickets, labels ${model.labels.join(', ')}, ${Object.keys(model.words).length} words`;
  if (out) {
    writeFileSync(out, `${json}\n`);
    console.error(`wrote ${out}: ${summary}`);
  } else {
    process.stdout.write(`${json}\n`);
    console.error(summary);
  }
}

/** One labelled ticket of a JSON Lines file (`policy` defaults to the policy's id), or what is wrong with it. */
function readLabelled(line: string, policyId: string): EvalCase | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const c = evalCaseSchema.safeParse({ policy: policyId, ...(json as object) });
  if (!c.success) return c.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ');
  if (c.data.policy !== policyId) return `for policy "${c.data.policy}", not "${policyId}"`;
  if (modelLabelOf(c.data) === null) return 'expect names no priority, tier or exclusion';
  return c.data;
}
