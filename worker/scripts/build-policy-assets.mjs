// Writes core's built-in policies (core/policies/*.json, by id) to worker/public/built-in-policies.json, a static asset the
// Worker reads once per isolate (worker/src/policies/built-in-policies.ts) instead of carrying them in its script (bundle budget).
// Run by npm run build, wrangler (wrangler.toml [build]) and the worker tests' global setup.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './wrangler-local.mjs';

/**
 * The asset's text: each core/policies/<id>.json document under its id, with its text model (core/policies/models/<id>.json)
 * as `triage.model`, as core's builtInPolicyFiles puts them together (a worker test checks the two are equal).
 */
export function policyAssetJson() {
  const dir = join(root, 'core', 'policies');
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const policies = Object.fromEntries(
    files.map((f) => {
      const id = f.slice(0, -'.json'.length);
      const policy = read(join(dir, f));
      const model = join(dir, 'models', f);
      return [id, existsSync(model) ? { ...policy, triage: { ...policy.triage, model: read(model) } } : policy];
    }),
  );
  return JSON.stringify(policies);
}

export function writePolicyAssets() {
  writeFileSync(join(root, 'worker', 'public', 'built-in-policies.json'), policyAssetJson());
}

/** Vitest's global setup for the worker project: the pool serves worker/public to the Worker as its ASSETS binding. */
export default writePolicyAssets;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writePolicyAssets();
