import { readFile } from 'node:fs/promises';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { findPolicy } from '../policies/find-policy.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import { fail, type Result } from '../result.js';

/** `--policy` takes a built-in id or the path of a policy file (anything ending in .json). */
export async function resolvePolicy(
  ref: string,
): Promise<Result<Policy, 'unknown-policy' | 'unreadable-file' | 'invalid-json' | 'invalid-policy'>> {
  if (!ref.endsWith('.json')) {
    const policy = findPolicy(builtInPolicies, ref);
    return policy.ok ? policy : fail('unknown-policy', `${policy.issue.detail} (or give a path to a policy .json file)`);
  }
  return readPolicyFile(ref);
}

export async function readPolicyFile(path: string): Promise<Result<Policy, 'unreadable-file' | 'invalid-json' | 'invalid-policy'>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return fail('unreadable-file', `cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('invalid-json', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePolicy(json);
}
