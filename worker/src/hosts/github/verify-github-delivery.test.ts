import { sign } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { readGitHubConfig } from './github-config.js';
import { verifyGitHubDelivery } from './verify-github-delivery.js';

const settings = { config: readGitHubConfig({ GITHUB_WEBHOOK_SECRET: 'now', GITHUB_WEBHOOK_SECRET_PREVIOUS: 'before' } as never) };
const url = 'https://plazo.example/webhooks/github';
const headers = (signature: string | null, extra: Record<string, string> = {}) =>
  new Headers({
    'x-github-event': 'issues',
    'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    ...(signature ? { 'x-hub-signature-256': signature } : {}),
    ...extra,
  });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('verifyGitHubDelivery', () => {
  it('accepts the signature of the raw body, with the current or the previous secret', async () => {
    const body = '{"action":"opened"}';
    expect(await verifyGitHubDelivery({ url, headers: headers(await sign('now', body)), body: bytes(body) }, settings)).toEqual({
      ok: true,
      value: { id: '72d3162e-cc78-11e3-81ab-4c9367dc0958', event: 'issues' },
    });
    expect((await verifyGitHubDelivery({ url, headers: headers(await sign('before', body)), body: bytes(body) }, settings)).ok).toBe(true);
  });

  it('checks the exact bytes: a byte order mark is part of what was signed', async () => {
    const body = '\uFEFF{"action":"opened"}';
    expect(bytes(body).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect((await verifyGitHubDelivery({ url, headers: headers(await sign('now', body)), body: bytes(body) }, settings)).ok).toBe(true);
    const withoutMark = await verifyGitHubDelivery(
      { url, headers: headers(await sign('now', body)), body: bytes(body.slice(1)) },
      settings,
    );
    expect(withoutMark).toMatchObject({ ok: false, issue: { code: 'bad-signature' } });
  });

  it('refuses a missing, malformed or wrong signature', async () => {
    const body = bytes('{"action":"opened"}');
    const text = '{"action":"opened"}';
    expect(await verifyGitHubDelivery({ url, headers: headers(null), body }, settings)).toMatchObject({
      ok: false,
      issue: { code: 'missing-signature' },
    });
    expect(await verifyGitHubDelivery({ url, headers: headers('sha1=abc'), body }, settings)).toMatchObject({
      ok: false,
      issue: { code: 'bad-signature', detail: expect.stringMatching(/64/) },
    });
    const upper = (await sign('now', text)).toUpperCase().replace('SHA256=', 'sha256=');
    expect(await verifyGitHubDelivery({ url, headers: headers(upper), body }, settings)).toMatchObject({
      ok: false,
      issue: { code: 'bad-signature' },
    });
    expect(await verifyGitHubDelivery({ url, headers: headers(await sign('other', text)), body }, settings)).toMatchObject({
      ok: false,
      issue: { code: 'bad-signature', detail: expect.stringMatching(/does not match/) },
    });
    expect(await verifyGitHubDelivery({ url, headers: headers(await sign('now', text)), body: bytes(`${text} `) }, settings)).toMatchObject(
      {
        ok: false,
        issue: { code: 'bad-signature' },
      },
    );
  });

  it('refuses everything when no secret is configured', async () => {
    const body = '{}';
    const result = await verifyGitHubDelivery(
      { url, headers: headers(await sign('now', body)), body: bytes(body) },
      {
        config: readGitHubConfig({} as never),
      },
    );
    expect(result).toMatchObject({ ok: false, issue: { code: 'bad-signature', detail: expect.stringMatching(/not configured/) } });
  });

  it('checks the delivery headers after the signature', async () => {
    const body = '{}';
    const result = await verifyGitHubDelivery(
      { url, headers: headers(await sign('now', body), { 'x-github-delivery': '' }), body: bytes(body) },
      settings,
    );
    expect(result).toMatchObject({ ok: false, issue: { code: 'bad-headers' } });
  });
});
