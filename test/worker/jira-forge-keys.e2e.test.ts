import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/src/index.js';
import { jwksFetches, jwksRotate, jwksSetUrl, signFit, uniqueForge } from './support/jira-support.js';

/** The Worker with its own JWKS on the stand-in (other files keep theirs cached), and optionally another cooldown. */
async function forgeConfigCall(token: string, set: string, cooldownMs?: string): Promise<Response> {
  const bindings = { ...env, JIRA_FORGE_JWKS_URL: jwksSetUrl(set), ...(cooldownMs ? { JIRA_FORGE_JWKS_COOLDOWN_MS: cooldownMs } : {}) };
  const request = new Request('http://plazo.test/forge/jira/config', { headers: { authorization: `Bearer ${token}` } });
  return worker.fetch(request, bindings, createExecutionContext());
}

describe('Forge Invocation Token keys: cached, and fetched again for an unknown kid', () => {
  it('accepts a token signed with a rotated-in key after exactly one more JWKS fetch, and refuses a kid the JWKS never has', async () => {
    const set = `rotation-${crypto.randomUUID()}`;
    const forge = uniqueForge();
    const first = await jwksRotate(set);

    expect((await forgeConfigCall(await signFit(forge, { privateJwk: first }), set)).status).toBe(200);
    expect(await jwksFetches(set)).toBe(1);
    // Cached: the same key again costs no fetch.
    expect((await forgeConfigCall(await signFit(forge, { privateJwk: first }), set)).status).toBe(200);
    expect(await jwksFetches(set)).toBe(1);

    const second = await jwksRotate(set);
    expect(JSON.parse(second).kid).not.toBe(JSON.parse(first).kid);
    expect((await forgeConfigCall(await signFit(forge, { privateJwk: second }), set)).status).toBe(200);
    expect(await jwksFetches(set)).toBe(2);
    // Both keys are now cached.
    expect((await forgeConfigCall(await signFit(forge, { privateJwk: first }), set)).status).toBe(200);
    expect((await forgeConfigCall(await signFit(forge, { privateJwk: second }), set)).status).toBe(200);
    expect(await jwksFetches(set)).toBe(2);

    // With no cooldown (the test bindings) each unknown kid costs one fetch, never a retry loop.
    const unknown = await forgeConfigCall(await signFit(forge, { privateJwk: second, kid: 'never-published' }), set);
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toBe('Bearer realm="forge"');
    expect(await unknown.json()).toMatchObject({
      error: { code: 'unauthorized', detail: expect.stringContaining('ERR_JWKS_NO_MATCHING_KEY') },
    });
    expect(await jwksFetches(set)).toBe(3);
  });

  it('refuses many tokens with unknown kids with no further fetch while the cooldown after the last fetch lasts', async () => {
    const set = `cooldown-${crypto.randomUUID()}`;
    const forge = uniqueForge();
    const key = await jwksRotate(set);
    // Ten minutes: far longer than this test takes, so no refetch may happen in it.
    const cooldown = '600000';

    expect((await forgeConfigCall(await signFit(forge, { privateJwk: key }), set, cooldown)).status).toBe(200);
    expect(await jwksFetches(set)).toBe(1);
    const statuses = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) => (await forgeConfigCall(await signFit(forge, { privateJwk: key, kid: `made-up-${i}` }), set, cooldown)).status,
      ),
    );
    expect(statuses).toEqual(Array(20).fill(401));
    expect(await jwksFetches(set)).toBe(1);
    // A key published during the cooldown waits for it to end: refused for now, still without a fetch.
    const next = await jwksRotate(set);
    expect((await forgeConfigCall(await signFit(forge, { privateJwk: next }), set, cooldown)).status).toBe(401);
    expect(await jwksFetches(set)).toBe(1);
  });
});
