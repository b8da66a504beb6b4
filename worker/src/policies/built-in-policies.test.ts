import { env } from 'cloudflare:workers';
import { builtInPolicies as embedded } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_POLICIES_ASSET, builtInPolicies, readBuiltInPolicies } from './built-in-policies.js';

describe('built-in policies from the static assets', () => {
  it('holds the same policies as core embeds, parsed by the same schema', async () => {
    const policies = await builtInPolicies(env.ASSETS);
    expect([...policies.keys()].sort()).toEqual([...embedded.keys()].sort());
    for (const [id, policy] of embedded) expect(policies.get(id), id).toEqual(policy);
  });

  it('reads the asset once per isolate', async () => {
    expect(await builtInPolicies(env.ASSETS)).toBe(await builtInPolicies(env.ASSETS));
  });

  it('names a missing asset and how to build it', async () => {
    await expect(readBuiltInPolicies(env.ASSETS, '/no-such-policies.json')).rejects.toThrow(
      /\/no-such-policies\.json answered 404; the build writes it \(node worker\/scripts\/build-policy-assets\.mjs\)/,
    );
  });

  it('names an asset that is not policy documents by id', async () => {
    await expect(readBuiltInPolicies(env.ASSETS, '/admin/reports/index.html')).rejects.toThrow(
      /\/admin\/reports\/index\.html is not an object of policy documents by id/,
    );
  });

  it('is served where the Worker reads it', async () => {
    const response = await env.ASSETS.fetch(new URL(BUILT_IN_POLICIES_ASSET, 'https://assets.invalid'));
    expect(response.status).toBe(200);
    expect(Object.keys(await response.json()).sort()).toEqual([...embedded.keys()].sort());
  });
});
