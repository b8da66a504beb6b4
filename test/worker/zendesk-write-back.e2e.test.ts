import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { eventually, settled, ticketRow, writeBacks } from './support/storage.js';
import {
  api,
  DEV_SECRET,
  deliverZendesk,
  setUp,
  standInAccount,
  standInFault,
  standInLog,
  standInState,
  standInTicket,
  uniqueAccount,
  zendeskEvent,
} from './support/zendesk-support.js';

const FIELDS = { firstResponseDue: 360_001, resolutionDue: 360_002 };
const ticketKey = (subdomain: string, id: number) => `zendesk:${subdomain}:${id}`;

/** An account set up with credentials and the due-instant fields, and a ticket on the stand-in. */
async function ready(options: { credentials?: boolean; tags?: string[] } = {}) {
  const account = uniqueAccount();
  await standInAccount(account);
  const ticketId = 5000 + Math.floor(Math.random() * 1000);
  await standInTicket(account, ticketId, {
    priority: 'low',
    tags: options.tags ?? ['enterprise'],
    fields: [FIELDS.firstResponseDue, FIELDS.resolutionDue],
  });
  const token = await setUp(account, { credentials: options.credentials, settings: { policy: 'websaas', fields: FIELDS } });
  const deliver = (payload: unknown) =>
    deliverZendesk(payload, { secret: account.webhookSecret, accountId: account.accountId, subdomain: account.subdomain });
  return { account, ticketId, token, deliver, key: ticketKey(account.subdomain, ticketId) };
}

describe('Zendesk tickets, end to end through D1, the queue and the REST stand-in', () => {
  it('writes the priority, plazo_ tags, due instants and one internal note to a new ticket', async () => {
    const { account, ticketId, token, deliver, key } = await ready();
    const res = await deliver(zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } }));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted', ticket: key });

    const row = await settled(key);
    const evaluation = JSON.parse(row.evaluation);
    const state = await standInState(account, ticketId);
    const sidebar = await (await api(`/api/v1/zendesk/tickets/${ticketId}`, token)).json<any>();
    expect(sidebar.evaluation).toEqual(evaluation);
    expect(sidebar.policy).toMatchObject({ id: 'websaas', locale: 'es', zone: 'America/Bogota' });
    expect(state.priority).toBe(sidebar.hostPriority);
    expect(state.tags).toEqual(['enterprise', `plazo_priority_${evaluation.priority}`]);
    expect(state.custom_fields).toEqual([
      { id: FIELDS.firstResponseDue, value: new Date(evaluation.sla.firstResponse.dueAt).toISOString() },
      { id: FIELDS.resolutionDue, value: new Date(evaluation.sla.resolution.dueAt).toISOString() },
    ]);
    expect(state.comments).toEqual([{ body: expect.stringMatching(/^Plazo: prioridad /), public: false, author_id: account.userId }]);
    const [writeBack] = await writeBacks(key);
    expect(writeBack).toMatchObject({ mode: 'live', status: 'applied' });
  });

  it('changes nothing when Zendesk delivers the same event twice, and adds no second note on a later event', async () => {
    const { account, ticketId, deliver, key } = await ready();
    const payload = zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } });
    expect(await (await deliver(payload)).json()).toMatchObject({ status: 'accepted' });
    await settled(key);
    const before = await standInLog(account.subdomain);
    const again = await deliver(payload);
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    expect(await standInLog(account.subdomain)).toHaveLength(before.length);

    // A customer's public comment: evaluated again, the priority unchanged, so no second note.
    const comment = zendeskEvent('commentAdded', account, ticketId, {
      event: { comment: { id: '77', body: '¿Novedades?', is_public: true, author: { id: '8447388090495', is_staff: false, name: 'C' } } },
    });
    expect(await (await deliver(comment)).json()).toMatchObject({ status: 'accepted' });
    const row = await settled(key);
    expect(row.version).toBeGreaterThan(1);
    expect((await standInState(account, ticketId)).comments).toHaveLength(1);
  });

  it("counts an agent's public comment as the first response", async () => {
    const { account, ticketId, deliver, key } = await ready();
    await deliver(zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } }));
    await settled(key);
    await deliver(zendeskEvent('commentAdded', account, ticketId));
    const row = await eventually(async () => {
      const r = await ticketRow(key);
      return r && r.applied_version >= 2 && JSON.parse(r.evaluation).sla.firstResponse.state === 'met' ? r : false;
    });
    expect(JSON.parse(row.evaluation).sla.firstResponse.metAt).not.toBeNull();
  });

  it("takes an agent's priority change as the override and ignores Plazo's own", async () => {
    const { account, ticketId, deliver, key } = await ready();
    await deliver(zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } }));
    const first = await settled(key);
    const decided = JSON.parse(first.evaluation).priority;
    // Plazo's own write comes back as a delivery made by its API user: ignored.
    const own = await deliver(
      zendeskEvent('priorityChanged', account, ticketId, { detail: { actor_id: String(account.userId) }, event: { current: 'URGENT' } }),
    );
    expect(await own.json()).toMatchObject({ status: 'ignored', detail: "Plazo's own change" });
    const override = decided === 'urgente' ? { zendesk: 'NORMAL', policy: 'normal' } : { zendesk: 'URGENT', policy: 'urgente' };
    await deliver(zendeskEvent('priorityChanged', account, ticketId, { event: { current: override.zendesk, previous: 'HIGH' } }));
    const row = await eventually(async () => {
      const r = await ticketRow(key);
      return r && r.applied_version >= r.version && r.version > first.version ? r : false;
    });
    expect(JSON.parse(row.evaluation).priority).toBe(override.policy);
    expect(JSON.parse(row.evaluation).reasons[0].kind).toBe('override');
  });

  it('retries a safe update that met a concurrent change (409) over a fresh read, keeping the change', async () => {
    const { account, ticketId, deliver, key } = await ready();
    await standInFault(account, { method: 'PUT', path: '^/api/v2/tickets/', conflict: true, times: 1 });
    await deliver(zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } }));
    const row = await settled(key);
    const state = await standInState(account, ticketId);
    expect(state.tags).toEqual(['enterprise', 'escalated', `plazo_priority_${JSON.parse(row.evaluation).priority}`]);
    expect(state.comments).toHaveLength(1);
    const puts = (await standInLog(account.subdomain)).filter((l) => l.method === 'PUT').map((l) => l.status);
    expect(puts).toEqual([409, 200]);
  });

  it("waits for Zendesk's Retry-After on a 429 and then applies the write-back once", async () => {
    const { account, ticketId, deliver, key } = await ready();
    await standInFault(account, { method: 'PUT', path: '^/api/v2/tickets/', status: 429, headers: { 'retry-after': '1' }, times: 1 });
    await deliver(zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } }));
    await settled(key);
    const puts = (await standInLog(account.subdomain)).filter((l) => l.method === 'PUT').map((l) => l.status);
    expect(puts).toEqual([429, 200]);
    const wb = await writeBacks(key);
    expect(wb[0]).toMatchObject({ status: 'retrying' });
    expect(wb[0]!.error).toMatch(/rate limit \(429\)/);
    expect(wb.at(-1)).toMatchObject({ status: 'applied' });
    expect((await standInState(account, ticketId)).comments).toHaveLength(1);
  });

  it('backs off on a 5xx from Zendesk and applies the write-back once it answers', async () => {
    const { account, ticketId, deliver, key } = await ready();
    await standInFault(account, { method: 'GET', path: '^/api/v2/tickets/', status: 503, times: 1 });
    await deliver(zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } }));
    await settled(key);
    const statuses = (await standInLog(account.subdomain)).filter((l) => l.path.startsWith('/api/v2/tickets/')).map((l) => l.status);
    expect(statuses).toEqual([503, 200, 200]);
    expect((await standInState(account, ticketId)).comments).toHaveLength(1);
  });

  it('runs as a dry run without credentials: plans, stores, calls nothing', async () => {
    const { account, ticketId, token, deliver, key } = await ready({ credentials: false });
    const setup = await (await api('/api/v1/zendesk/setup', token)).json();
    expect(setup).toEqual({ ready: false, missing: ['apiEmail', 'apiToken'], dryRun: true });
    await deliver(zendeskEvent('created', account, ticketId, { detail: { actor_id: '8447388090495', priority: null } }));
    const row = await settled(key);
    const [writeBack] = await writeBacks(key);
    expect(writeBack).toMatchObject({ mode: 'dry-run', status: 'dry-run' });
    expect(writeBack!.changes.map((c: { kind: string }) => c.kind)).toContain('add-note');
    expect(JSON.parse(row.host_state)).toMatchObject({ notedPriority: JSON.parse(row.evaluation).priority });
    expect(await standInLog(account.subdomain)).toEqual([]);
  });

  it('diffs a dry run against the simulated ticket: a later delivery reporting the unchanged Zendesk ticket plans nothing again', async () => {
    const { account, ticketId, deliver, key } = await ready({ credentials: false });
    const unchanged = { actor_id: '8447388090495', priority: null, tags: ['enterprise'] };
    await deliver(zendeskEvent('created', account, ticketId, { detail: unchanged }));
    const first = await settled(key);
    expect((await writeBacks(key)).map((w) => w.status)).toEqual(['dry-run']);
    // A customer's comment: Zendesk reports the priority and tags it still has, as the dry run sent nothing.
    const comment = zendeskEvent('commentAdded', account, ticketId, {
      detail: unchanged,
      event: { comment: { id: '78', body: '¿Novedades?', is_public: true, author: { id: '8447388090495', is_staff: false, name: 'C' } } },
    });
    expect(await (await deliver(comment)).json()).toMatchObject({ status: 'accepted' });
    const row = await eventually(async () => {
      const r = await ticketRow(key);
      return r && r.applied_version >= r.version && r.version > first.version ? r : false;
    });
    expect(JSON.parse(row.evaluation).priority).toBe(JSON.parse(first.evaluation).priority);
    expect(await writeBacks(key)).toHaveLength(1);
    expect(JSON.parse(row.host_state)).toMatchObject({ priority: null, tags: ['enterprise'] });
    expect(await standInLog(account.subdomain)).toEqual([]);
  });

  it('retires a deleted, merged or spam ticket', async () => {
    const { account, ticketId, deliver, key } = await ready();
    await deliver(zendeskEvent('created', account, ticketId));
    await settled(key);
    expect(await (await deliver(zendeskEvent('merged', account, ticketId))).json()).toMatchObject({ status: 'accepted' });
    expect((await env.DB.prepare('SELECT status FROM tickets WHERE key = ?1').bind(key).first())?.status).toBe('retired');
  });

  it('accepts deliveries signed with the development secret (no ?subdomain=) into zendesk:dev, as a dry run', async () => {
    const account = uniqueAccount();
    const ticketId = 7000 + Math.floor(Math.random() * 1000);
    const res = await deliverZendesk(zendeskEvent('created', account, ticketId), { secret: DEV_SECRET, accountId: account.accountId });
    expect(res.status).toBe(202);
    const row = await settled(`zendesk:dev:${ticketId}`);
    expect((await writeBacks(row.key))[0]).toMatchObject({ mode: 'dry-run' });
    // The development secret opens no real installation.
    const elsewhere = await deliverZendesk(zendeskEvent('created', account, ticketId), {
      secret: DEV_SECRET,
      accountId: account.accountId,
      subdomain: account.subdomain,
    });
    expect(elsewhere.status).toBe(401);
  });
});
