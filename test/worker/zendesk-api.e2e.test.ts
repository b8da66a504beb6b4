import { parsePolicy, type TargetStatus, targetStatusAt } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { settled } from './support/storage.js';
import { api, createInstallation, deliverZendesk, setUp, uniqueAccount, zendeskEvent, zendeskTime } from './support/zendesk-support.js';

describe('the Zendesk installation and sidebar API', () => {
  it('creates an installation once, shows its token once, and names a bad request', async () => {
    const account = uniqueAccount();
    const first = await api('/api/v1/installations', 'test-admin-token', {
      method: 'POST',
      body: JSON.stringify({ host: 'zendesk', subdomain: account.subdomain }),
    });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { key: string; token: string };
    expect(created.key).toBe(`zendesk:${account.subdomain}`);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await api('/api/v1/installations', 'test-admin-token', {
      method: 'POST',
      body: JSON.stringify({ host: 'zendesk', subdomain: account.subdomain }),
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'installation-exists' } });
    for (const body of [
      { host: 'zendesk', subdomain: 'Not A Subdomain' },
      { host: 'jira', subdomain: 'x' },
      { host: 'zendesk', subdomain: 'dev' },
    ]) {
      const res = await api('/api/v1/installations', 'test-admin-token', { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid-request' } });
    }
    const anonymous = await api('/api/v1/installations', 'wrong', {
      method: 'POST',
      body: JSON.stringify({ host: 'zendesk', subdomain: 'x' }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('says what the guided setup still needs, and stores settings only when they are valid', async () => {
    const token = await createInstallation(uniqueAccount().subdomain);
    expect(await (await api('/api/v1/zendesk/setup', token)).json()).toEqual({
      ready: false,
      missing: ['webhookSigningSecret', 'apiEmail', 'apiToken'],
      dryRun: true,
    });
    const partial = await api('/api/v1/zendesk/setup', token, { method: 'POST', body: JSON.stringify({ webhookSigningSecret: 'whsec' }) });
    expect(await partial.json()).toEqual({ ready: false, missing: ['apiEmail', 'apiToken'] });

    const bad = await api('/api/v1/zendesk/setup', token, {
      method: 'POST',
      body: JSON.stringify({ apiToken: 'secret-value-1', settings: { priorityMap: { urgente: 'critical' } } }),
    });
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain('priorityMap');
    expect(badText).not.toContain('secret-value-1');
    // Refused whole: the token in the same request was not stored.
    expect(((await (await api('/api/v1/zendesk/setup', token)).json()) as { missing: string[] }).missing).toContain('apiToken');

    const unknownPolicy = await api('/api/v1/zendesk/setup', token, {
      method: 'POST',
      body: JSON.stringify({ settings: { policy: 'nope' } }),
    });
    expect(unknownPolicy.status).toBe(400);
    expect(await unknownPolicy.json()).toMatchObject({ error: { code: 'unknown-policy' } });
    const email = await api('/api/v1/zendesk/setup', token, { method: 'POST', body: JSON.stringify({ apiEmail: 'not an e-mail' }) });
    expect(email.status).toBe(400);
  });

  it("serves the installation's policy as a document core accepts, with its priority map", async () => {
    const token = await setUp(uniqueAccount(), { settings: { policy: 'infraspeak', priorityMap: { baja: 'normal' } } });
    const res = await api('/api/v1/zendesk/policy', token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { policy: unknown; priorityMap: Record<string, string> };
    expect(parsePolicy(body.policy).ok).toBe(true);
    expect(body.priorityMap).toEqual({ urgente: 'urgent', alta: 'high', media: 'normal', baja: 'normal' });
  });

  it("turns a ticket at risk at the installation's threshold where the policy's would leave it running, and serves that threshold to the sidebar", async () => {
    // Peewah's "alta" (Zendesk urgent, set by an agent): a first response within 30 calendar minutes, 20 of them gone.
    const createdAt = zendeskTime(20 * 60_000);
    const firstResponseOf = async (settings: Record<string, unknown>) => {
      const account = uniqueAccount();
      const token = await setUp(account, { credentials: false, settings: { policy: 'peewah', ...settings } });
      const ticketId = 7000 + Math.floor(Math.random() * 1000);
      const event = zendeskEvent('created', account, ticketId, { createdAt, detail: { priority: 'URGENT' } });
      await deliverZendesk(event, { secret: account.webhookSecret, accountId: account.accountId, subdomain: account.subdomain });
      const evaluation = JSON.parse((await settled(`zendesk:${account.subdomain}:${ticketId}`)).evaluation);
      expect(evaluation.priority).toBe('alta');
      const document = (await (await api('/api/v1/zendesk/policy', token)).json()) as { policy: { sla: { atRiskRemainingRatio: number } } };
      return { status: evaluation.sla.firstResponse as TargetStatus, nextCheckAt: evaluation.nextCheckAt, policy: document.policy };
    };
    const tuned = await firstResponseOf({ atRiskRemainingRatio: 0.5 });
    const plain = await firstResponseOf({});
    // 10 of 30 minutes left: at risk at 50 %, running at the policy's 25 % until 7.5 minutes are left.
    expect(tuned.status.state).toBe('at-risk');
    expect(plain.status.state).toBe('running');
    expect(tuned.policy.sla.atRiskRemainingRatio).toBe(0.5);
    expect(plain.policy.sla.atRiskRemainingRatio).toBe(0.25);
    expect(parsePolicy(tuned.policy).ok).toBe(true);
    // The sidebar's countdown, with the document's threshold, agrees with the Worker and flips where the Worker looks again.
    expect(targetStatusAt(plain.status, null, Date.now(), tuned.policy.sla.atRiskRemainingRatio).state).toBe('at-risk');
    const flip = Date.parse(plain.status.nextThresholdAt ?? '');
    expect(flip).toBe(Date.parse(createdAt) + 22.5 * 60_000);
    expect(Date.parse(plain.nextCheckAt)).toBe(flip);
    const ratio = plain.policy.sla.atRiskRemainingRatio;
    expect(targetStatusAt(plain.status, null, flip - 1, ratio).state).toBe('running');
    expect(targetStatusAt(plain.status, null, flip, ratio).state).toBe('at-risk');
  });

  it('refuses an at-risk threshold outside (0, 1) in the setup step, naming it', async () => {
    const token = await createInstallation(uniqueAccount().subdomain);
    for (const atRiskRemainingRatio of [0, 1, 25, -0.1]) {
      const res = await api('/api/v1/zendesk/setup', token, {
        method: 'POST',
        body: JSON.stringify({ settings: { atRiskRemainingRatio } }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid-config', problems: [{ path: 'atRiskRemainingRatio' }] } });
    }
  });

  it('answers not-seen for a ticket the Worker has not evaluated, and names a malformed id', async () => {
    const token = await setUp(uniqueAccount());
    const res = await api('/api/v1/zendesk/tickets/123456', token);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not-seen' } });
    expect((await api('/api/v1/zendesk/tickets/abc', token)).status).toBe(400);
  });
});
