import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { admin, settled } from './support/storage.js';
import {
  api,
  deliverZendesk,
  setUp,
  standInAccount,
  standInLog,
  standInState,
  standInTicket,
  uniqueAccount,
  zendeskEvent,
} from './support/zendesk-support.js';

/** Two customers on one Worker, each set up with its own token, webhook secret, API credentials and ticket of the same number. */
async function twoTenants() {
  const [a, b] = [uniqueAccount(), uniqueAccount()];
  const ticketId = 4242;
  for (const account of [a, b]) {
    await standInAccount(account);
    await standInTicket(account, ticketId, { tags: [] });
  }
  const [tokenA, tokenB] = [await setUp(a, { settings: { policy: 'websaas' } }), await setUp(b, { settings: { policy: 'peewah' } })];
  return { a, b, tokenA, tokenB, ticketId };
}

describe('tenant isolation between Zendesk installations', () => {
  it('writes each delivery back only to its own account, with its own credentials, and serves each sidebar only its own tickets', async () => {
    const { a, b, tokenA, tokenB, ticketId } = await twoTenants();
    await deliverZendesk(zendeskEvent('created', a, ticketId), { secret: a.webhookSecret, accountId: a.accountId, subdomain: a.subdomain });
    await settled(`zendesk:${a.subdomain}:${ticketId}`);

    expect((await standInLog(a.subdomain)).every((l) => l.status !== 401)).toBe(true);
    expect((await standInLog(a.subdomain)).some((l) => l.method === 'PUT')).toBe(true);
    expect(await standInLog(b.subdomain)).toEqual([]);
    expect((await standInState(b, ticketId)).comments).toEqual([]);

    expect((await api(`/api/v1/zendesk/tickets/${ticketId}`, tokenA)).status).toBe(200);
    const fromB = await api(`/api/v1/zendesk/tickets/${ticketId}`, tokenB);
    expect(fromB.status).toBe(404);
    expect(await fromB.json()).toMatchObject({ error: { code: 'not-seen' } });
    // Each installation's policy, not the other's.
    expect(((await (await api('/api/v1/zendesk/policy', tokenA)).json()) as any).policy.id).toBe('websaas');
    expect(((await (await api('/api/v1/zendesk/policy', tokenB)).json()) as any).policy.id).toBe('peewah');
  });

  it("refuses a delivery signed with another installation's secret, and one whose body names another account", async () => {
    const { a, b, ticketId } = await twoTenants();
    // B's secret is valid for B, never for A's account.
    const crossed = await deliverZendesk(zendeskEvent('created', a, ticketId), {
      secret: b.webhookSecret,
      accountId: a.accountId,
      subdomain: a.subdomain,
    });
    expect(crossed.status).toBe(401);
    expect(await crossed.json()).toMatchObject({ error: { code: 'bad-signature' } });
    // Bind B's account first, so the mismatch is judged against a known binding.
    const bOnly = { secret: b.webhookSecret, subdomain: b.subdomain };
    expect((await deliverZendesk(zendeskEvent('created', b, ticketId), { ...bOnly, accountId: b.accountId })).status).toBe(202);
    // B's own secret and URL, but A's account: B's installation receives only B's account from now on.
    const claimed = await deliverZendesk(zendeskEvent('created', a, ticketId), { ...bOnly, accountId: a.accountId });
    expect(claimed.status).toBe(400);
    expect(await claimed.json()).toMatchObject({ error: { code: 'bad-headers', detail: expect.stringContaining(b.accountId) } });
    // A header naming one account over a body naming another.
    const mislabelled = await deliverZendesk(zendeskEvent('created', b, ticketId), { ...bOnly, accountId: a.accountId });
    expect(mislabelled.status).toBe(400);
    // A's own deliveries still reach A.
    const own = await deliverZendesk(zendeskEvent('created', a, ticketId), {
      secret: a.webhookSecret,
      accountId: a.accountId,
      subdomain: a.subdomain,
    });
    expect(own.status).toBe(202);
    await settled(`zendesk:${a.subdomain}:${ticketId}`);
    // Nothing of A's ticket was ever stored under B.
    expect(await env.DB.prepare('SELECT key FROM tickets WHERE key LIKE ?1').bind(`zendesk:${b.subdomain}:%`).all()).toMatchObject({
      results: [{ key: `zendesk:${b.subdomain}:${ticketId}` }],
    });
  });

  it('answers 401 to a missing or unknown token, and never to a GitHub route token', async () => {
    for (const token of ['', 'not-a-token', 'test-admin-token', 'x'.repeat(43)]) {
      const res = await api('/api/v1/zendesk/policy', token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('never returns or stores in clear a token, a webhook secret or an API token', async () => {
    const { a, tokenA } = await twoTenants();
    const answers = [
      await (await api('/api/v1/zendesk/setup', tokenA)).text(),
      await (await api('/api/v1/zendesk/policy', tokenA)).text(),
      await (await exports.default.fetch(admin('/api/v1/installations'))).text(),
    ];
    const dump = JSON.stringify([
      (await env.DB.prepare('SELECT * FROM installation_tokens').all()).results,
      (await env.DB.prepare('SELECT * FROM installation_secrets').all()).results,
      (await env.DB.prepare('SELECT * FROM installations').all()).results,
    ]);
    for (const secret of [tokenA, a.webhookSecret, a.apiToken, a.email]) {
      for (const text of [...answers, dump]) expect(text).not.toContain(secret);
    }
    expect(JSON.parse(answers[0]!)).toEqual({ ready: true, missing: [], dryRun: false });
  });
});
