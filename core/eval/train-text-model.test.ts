import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInPolicyFiles } from '../src/policies/built-in-policies.js';
import { type Policy, policySchema } from '../src/policy/policy-schema.js';
import { loadSlice, modelTrainingSlices, untouchedSlices } from './eval-set.js';
import { trainTextModel } from './train-text-model.js';

const models = join(dirname(fileURLToPath(import.meta.url)), '..', 'policies', 'models');

describe('trainTextModel', () => {
  it('never trains on the holdout slice nor on the untouched blind slices (blind15 on)', () => {
    expect(modelTrainingSlices).toContain('dev');
    expect(modelTrainingSlices).toContain('blind14');
    expect(modelTrainingSlices).not.toContain('holdout');
    expect(untouchedSlices[0]).toBe('blind15');
    for (const s of untouchedSlices) expect(modelTrainingSlices).not.toContain(s);
  });

  it('gives exactly the shipped models from the labelled sets (run `npm run train` after changing them)', () => {
    const cases = modelTrainingSlices.flatMap((s) => loadSlice(s).map((x) => x.case));
    for (const [id, file] of Object.entries(builtInPolicyFiles)) {
      const policy: Policy = policySchema.parse(file);
      const shipped = JSON.parse(readFileSync(join(models, `${id}.json`), 'utf8'));
      const trained = trainTextModel(policy, cases);
      // The digest first: it names the cause (the labelled tickets changed) before the weights differ.
      expect(trained.trainedOn, id).toEqual(shipped.trainedOn);
      expect(trained, id).toEqual(shipped);
    }
  });
});
