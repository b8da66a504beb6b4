import type { Policy } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';

/** A policy by id among the given ones (core's builtInPolicies, or a host's copy of them); an unknown id is named with the known ones. */
export function findPolicy(policies: ReadonlyMap<string, Policy>, id: string): Result<Policy, 'unknown-policy'> {
  const policy = policies.get(id);
  if (policy) return ok(policy);
  return fail('unknown-policy', `unknown policy "${id}"; known policies: ${[...policies.keys()].join(', ')}`);
}
