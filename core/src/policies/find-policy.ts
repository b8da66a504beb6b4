import type { Policy } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';
import { builtInPolicies } from './built-in-policies.js';

/** A built-in policy by id; an unknown id is named together with the known ones. */
export function findPolicy(id: string): Result<Policy, 'unknown-policy'> {
  const policy = builtInPolicies.get(id);
  if (policy) return ok(policy);
  return fail('unknown-policy', `unknown policy "${id}"; known policies: ${[...builtInPolicies.keys()].join(', ')}`);
}
