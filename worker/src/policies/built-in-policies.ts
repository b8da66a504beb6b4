import { LazyPolicyMap, type Policy } from '@plazo/core';

/** Where worker/scripts/build-policy-assets.mjs puts core's built-in policy documents (by id) among the static assets. */
export const BUILT_IN_POLICIES_ASSET = '/built-in-policies.json';

/** The policies read by this isolate: the documents are fetched once, each parsed by core's schema on first use. */
let loaded: ReadonlyMap<string, Policy> | undefined;

/**
 * Core's built-in policies, read from the Worker's static assets once per isolate: embedded, their JSON would take a sixth of
 * the script's 200 KiB gzipped budget. Cached as data, not as a pending promise, so no request awaits another's I/O.
 */
export async function builtInPolicies(assets: Fetcher): Promise<ReadonlyMap<string, Policy>> {
  loaded ??= await readBuiltInPolicies(assets, BUILT_IN_POLICIES_ASSET);
  return loaded;
}

/** The policy documents of one asset; a missing or malformed asset is a broken deploy, named with its fix. */
export async function readBuiltInPolicies(assets: Fetcher, path: string): Promise<ReadonlyMap<string, Policy>> {
  const fix = 'the build writes it (node worker/scripts/build-policy-assets.mjs)';
  const response = await assets.fetch(new URL(path, 'https://assets.invalid'));
  if (!response.ok) throw new Error(`the built-in policies asset ${path} answered ${response.status}; ${fix}`);
  const files: unknown = await response.json().catch(() => null);
  if (typeof files !== 'object' || files === null || Array.isArray(files) || Object.keys(files).length === 0)
    throw new Error(`the built-in policies asset ${path} is not an object of policy documents by id; ${fix}`);
  return new LazyPolicyMap(files as Record<string, unknown>);
}
