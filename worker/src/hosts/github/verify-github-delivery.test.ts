import { sign } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../env.js';
import { verifyGitHubDelivery } from './verify-github-delivery.js';

const settings = readSettings({ GITHUB_WEBHOOK_SECRET: 'now', GITHUB_WEBHOOK_SECRET_PREVIOUS: 'before' } as never);
const headers = (signature: string | null, extra: Record<string, string> = {}) =>
  new Headers({ 'x-github-event': 'issues', 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958', ...(signature ? { 'x-hub-signature-256': signature } : {}), ...extra });

describe('verifyGitHubDelivery', () => {
  it('accepts the signature of the raw body, with the current or the previous secret', async () => {
    const body = '{"action":"opened"}';
    expect(await verifyGitHubDelivery({ headers: headers(await sign('now', body)), body }, settings)).toEqual({ ok: true, value: { id: '72d3162e-cc78-11e3-81ab-4c9367dc0958', event: 'issues' } });
    expect((await verifyGitHubDelivery({ headers: headers(await sign('before', body)), body }, settings)).ok).toBe(true);
  });

  it('refuses a missing, malformed or wrong signature', async () => {
    const body = '{"action":"opened"}';
    expect(await verifyGitHubDelivery({ headers: headers(null), body }, settings)).toMatchObject({ ok: false, issue: { code: 'missing-signature' } });
    expect(await verifyGitHubDelivery({ headers: headers('sha1=abc'), body }, settings)).toMatchObject({ ok: false, issue: { code: 'bad-signature' } });
    expect(await verifyGitHubDelivery({ headers: headers(await sign('other', body)), body }, settings)).toMatchObject({ ok: false, issue: { code: 'bad-signature' } });
    expect(await verifyGitHubDelivery({ headers: headers(await sign('now', body)), body: `${body} ` }, settings)).toMatchObject({ ok: false, issue: { code: 'bad-signature' } });
  });

  it('refuses everything when no secret is configured', async () => {
    const body = '{}';
    expect((await verifyGitHubDelivery({ headers: headers(await sign('now', body)), body }, readSettings({} as never))).ok).toBe(false);
  });

  it('checks the delivery headers after the signature', async () => {
    const body = '{}';
    const result = await verifyGitHubDelivery({ headers: headers(await sign('now', body), { 'x-github-delivery': '' }), body }, settings);
    expect(result).toMatchObject({ ok: false, issue: { code: 'bad-headers' } });
  });
});
