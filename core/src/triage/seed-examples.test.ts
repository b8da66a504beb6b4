import { describe, expect, it } from 'vitest';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { triage } from './triage.js';

// The seed's own examples are the classifier's first evidence: each must land on its priority or tier.
const priorityExamples = [...builtInPolicies.values()].flatMap((p) =>
  p.priorities.flatMap((pr) => pr.examples.map((ex) => [p.id, pr.id, ex] as const)),
);
const tierExamples = [...builtInPolicies.values()].flatMap((p) =>
  p.tiers.flatMap((t) => t.examples.map((ex) => [p.id, t.id, ex] as const)),
);

describe('seed examples', () => {
  it.each(priorityExamples)('%s: classifies the seed example of %s — %s', (policyId, priority, example) => {
    const r = triage(builtInPolicies.get(policyId)!, { subject: '', body: example });
    expect(r.priority).toBe(priority);
    expect(r.exclusion).toBeNull();
  });
  it.each(tierExamples)('%s: puts the seed example of %s in that tier — %s', (policyId, tier, example) => {
    expect(triage(builtInPolicies.get(policyId)!, { subject: '', body: example }).tier).toBe(tier);
  });
});
