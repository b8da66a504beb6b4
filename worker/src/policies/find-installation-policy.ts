import { fail, ok, type Policy, parsePolicy, type Result } from '@plazo/core';
import type { Env } from '../env.js';
import { getInstallationPolicy } from '../store/installation-policies.js';
import { builtInPolicies } from './built-in-policies.js';

/** Parsed uploaded policies per isolate, by installation, with the revision (hash) they were parsed from. */
const parsedUploads = new Map<string, { sha256: string; policy: Policy }>();
/** Enough for every installation an isolate serves at once; the oldest entry goes first. */
const MAX_CACHED = 200;

/**
 * The policy an installation's settings name: a built-in, or the one the installation uploaded. The uploaded one is parsed
 * once per revision per isolate, so core's per-object compile cache (calendar, triage rules) holds across evaluations.
 */
export async function findInstallationPolicy(
  env: Pick<Env, 'DB' | 'ASSETS'>,
  installationKey: string,
  id: string,
): Promise<Result<Policy, 'unknown-policy'>> {
  const builtIns = await builtInPolicies(env.ASSETS);
  const builtIn = builtIns.get(id);
  if (builtIn) return ok(builtIn);
  const stored = await getInstallationPolicy(env.DB, installationKey);
  const known = [...builtIns.keys(), ...(stored ? [`${stored.policyId} (uploaded)`] : [])].join(', ');
  if (!stored || stored.policyId !== id) return fail('unknown-policy', `unknown policy "${id}"; known policies: ${known}`);
  const cached = parsedUploads.get(installationKey);
  if (cached?.sha256 === stored.sha256) return ok(cached.policy);
  const parsed = parsePolicy(JSON.parse(stored.document));
  // Stored documents passed parsePolicy; one that no longer does (a stricter core) is named, not used.
  if (!parsed.ok) return fail('unknown-policy', `the uploaded policy "${id}" no longer validates: ${parsed.issue.detail}; upload it again`);
  parsedUploads.delete(installationKey);
  if (parsedUploads.size >= MAX_CACHED) parsedUploads.delete(parsedUploads.keys().next().value as string);
  parsedUploads.set(installationKey, { sha256: stored.sha256, policy: parsed.value });
  return ok(parsed.value);
}
