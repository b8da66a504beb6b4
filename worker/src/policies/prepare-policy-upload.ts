import { fail, ok, type Policy, type Result } from '@plazo/core';
import type { Env } from '../env.js';
import { putInstallationPolicy } from '../store/installation-policies.js';
import { builtInPolicies } from './built-in-policies.js';
import { parseUploadedPolicy } from './parse-uploaded-policy.js';

/**
 * Checks an uploaded policy document and returns the statement that stores it, for the caller to run (alone or in a batch
 * with the settings that select it). `selected` is the policy the installation's settings name once the request is applied:
 * replacing the uploaded policy under another id while the settings still name the old one is refused, never half-applied.
 */
export async function preparePolicyUpload(
  env: Pick<Env, 'DB' | 'ASSETS'>,
  installationKey: string,
  document: unknown,
  selected: string | undefined,
  nowMs: number,
): Promise<Result<{ policy: Policy; statement: D1PreparedStatement }, 'invalid-policy'>> {
  const builtIns = await builtInPolicies(env.ASSETS);
  const parsed = parseUploadedPolicy(document, builtIns);
  if (!parsed.ok) return parsed;
  const policy = parsed.value;
  if (selected !== undefined && selected !== policy.id && !builtIns.has(selected)) {
    const message = `the installation's settings select the uploaded policy "${selected}"; keep that id or select another policy first`;
    return fail('invalid-policy', 'the policy has 1 problem', [{ path: 'id', message }]);
  }
  return ok({ policy, statement: await putInstallationPolicy(env.DB, installationKey, policy, nowMs) });
}
