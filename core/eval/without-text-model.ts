import type { Policy } from '../src/policy/policy-schema.js';

/** The policy read by its rules alone: the baseline the text model is measured and trained against. */
export function withoutTextModel(policy: Policy): Policy {
  return policy.triage ? { ...policy, triage: { ...policy.triage, model: undefined } } : policy;
}
