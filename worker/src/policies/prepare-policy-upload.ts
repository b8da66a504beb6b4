import { builtInPolicies, fail, ok, type Policy, type Result } from '@plazo/core';
import { putInstallationPolicy } from '../store/installation-policies.js';
import { parseUploadedPolicy } from './parse-uploaded-policy.js';

/**
 * Checks an uploaded policy document and returns the statement that stores it, for the caller to run (alone or in a batch
 * with the settings that select it). `selected` is the policy the installation's settings name once the request is applied:
 * replacing the uploaded policy under another id while the settings still name the old one is refused, never half-applied.
 */
export async function preparePolicyUpload(
  db: D1Database,
  installationKey: string,
  document: unknown,
  selected: string | undefined,
  nowMs: number,
): Promise<Result<{ policy: Policy; statement: D1PreparedStatement }, 'invalid-policy'>> {
  const parsed = parseUploadedPolicy(document);
  if (!parsed.ok) return parsed;
  const policy = parsed.value;
  if (selected !== undefined && selected !== policy.id && !builtInPolicies.has(selected)) {
    const message = `the installation's settings select the uploaded policy "${selected}"; keep that id or select another policy first`;
    return fail('invalid-policy', 'the policy has 1 problem', [{ path: 'id', message }]);
  }
  return ok({ policy, statement: await putInstallationPolicy(db, installationKey, policy, nowMs) });
}
