import { describe, expect, it } from 'vitest';
import { builtInPolicyFiles } from '../policies/built-in-policies.js';
import { parsePolicy } from '../policy/parse-policy.js';
import { textModelSchema } from './text-model-schema.js';

const model = {
  labels: ['urgente', 'normal'],
  bias: [0, 0],
  words: { caja: [1, -1] },
  threshold: 0.8,
  minWords: 15,
  trainedOn: { tickets: 10, digest: 'x' },
};
const websaasWith = (m: unknown) => {
  const file = structuredClone(builtInPolicyFiles.websaas) as { triage: Record<string, unknown> };
  file.triage.model = m;
  return file;
};

describe('textModelSchema', () => {
  it('needs one weight per label, naming the word that has too few', () => {
    const parsed = textModelSchema.safeParse({ ...model, bias: [0], words: { caja: [1] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['bias', 'words.caja']);
  });

  it('refuses a policy whose model decides a label the policy does not have, naming the known ones', () => {
    const parsed = parsePolicy(websaasWith({ ...model, labels: ['urgente', 'critica'] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const problem = parsed.issue.problems?.find((p) => p.path === 'triage.model.labels[1]');
    expect(problem?.message).toMatch(/unknown priority or tier "critica"; known: urgente, importante, normal/);
  });

  it('refuses an exclusion label for an exclusion the policy does not have', () => {
    const parsed = parsePolicy(websaasWith({ ...model, labels: ['urgente', 'excluded:venue'] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.problems?.map((p) => p.path)).toContain('triage.model.labels[1]');
  });

  it('accepts a policy with a well-formed model', () => {
    expect(parsePolicy(websaasWith(model)).ok).toBe(true);
  });
});
