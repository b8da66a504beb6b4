import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { deliver, example, onIssue, uniqueIds } from './support/github-deliveries.js';
import { issueState, putFile } from './support/stand-in.js';
import { admin, settled, ticketKey } from './support/storage.js';
import { api, deliverZendesk, setUp, standInAccount, standInTicket, uniqueAccount, zendeskEvent } from './support/zendesk-support.js';

// Soporte Justo rejects duplicates and asks customers to wait 40 minutes after a reply; its policy has no calendar, so
// fixed instants in the past change no deadline and keep both tickets in one calendar month whatever the day the tests run.
const A_CREATED = '2026-11-10T10:00:00Z';
const B_CREATED = '2026-11-10T10:05:00Z';

async function requesterRecord(installation: string, requester: string) {
  const res = await exports.default.fetch(admin(`/api/v1/installations/${installation}/requesters/${encodeURIComponent(requester)}`));
  expect(res.status).toBe(200);
  return res.json<{
    organization: string | null;
    totals: { flag: string; tickets: number }[];
    flags: { ticket: string; flag: string; reason: any }[];
  }>();
}

describe('rules over a customer history through GitHub (no organisations: the requester)', () => {
  /** Two issues of one repository opened by one person no other test uses. */
  function setting() {
    const a = uniqueIds();
    // Another issue of the same repository: its own id, the next number.
    const b = { ...a, issueId: uniqueIds().issueId, number: a.number + 1 };
    const author = { login: `customer-${a.issueId}`, id: a.issueId, type: 'User' };
    const open = (ids: typeof a, title: string, createdAt: string) => {
      const p = onIssue(example('issues', 'opened'), ids, { createdAt, title, body: 'Desde ayer no funciona.' });
      p.issue.user = { ...p.issue.user, ...author };
      p.sender = { ...p.sender, ...author };
      return deliver('issues', p);
    };
    const comment = (ids: typeof a, id: number, at: string, by: { login: string; id: number }, association: string) => {
      const p = onIssue(example('issue_comment', 'created'), ids, { createdAt: B_CREATED });
      p.issue.user = { ...p.issue.user, ...author };
      p.issue.updated_at = at;
      p.comment = { ...p.comment, id, created_at: at, updated_at: at, author_association: association, user: { ...p.comment.user, ...by } };
      p.sender = { ...p.sender, ...by };
      return deliver('issue_comment', p);
    };
    return { a, b, author, open, comment };
  }

  it('flags the second issue on the same matter as a possible duplicate naming the first, and over a quota of one a month', async () => {
    const { a, b, author, open } = setting();
    await putFile(a, '.github/plazo.yml', 'policy: soporte-justo\nmonthlyTicketQuota: 1\n');
    expect((await open(a, 'El correo no llega', A_CREATED)).status).toBe(202);
    const first = JSON.parse((await settled(ticketKey(a.issueId))).evaluation);
    expect(first.flags).not.toContain('possible-duplicate');
    expect(first.flags).not.toContain('over-quota');

    expect((await open(b, 'No me llega el correo desde ayer', B_CREATED)).status).toBe(202);
    const second = JSON.parse((await settled(ticketKey(b.issueId))).evaluation);
    expect(second.flags).toEqual(expect.arrayContaining(['possible-duplicate', 'over-quota']));
    const duplicate = second.reasons.find((r: any) => r.rule === 'history:possible-duplicate');
    expect(duplicate.history).toMatchObject({
      identity: 'requester',
      ticket: ticketKey(a.issueId),
      ticketLabel: `${a.owner}/${a.repo}#${a.number}`,
    });
    expect(duplicate.detail).toMatch(/GitHub issues name no customer organisation/);
    expect(second.reasons.find((r: any) => r.rule === 'history:over-quota').history).toMatchObject({
      count: 2,
      limit: 1,
      month: '2026-11',
    });

    const comment = (await issueState(b)).comments[0]!.body;
    expect(comment).toContain('`possible-duplicate`');
    expect(comment).toContain(`${a.owner}/${a.repo}#${a.number}`);

    const record = await requesterRecord('github:token', author.login);
    expect(record.organization).toBeNull();
    expect(record.totals).toEqual([
      { flag: 'over-quota', tickets: 1 },
      { flag: 'possible-duplicate', tickets: 1 },
    ]);
    expect(record.flags.map((f) => f.ticket)).toEqual([ticketKey(b.issueId), ticketKey(b.issueId)]);
  });

  it("flags the issue author's comment 10 minutes after a maintainer's reply, and not a bystander's", async () => {
    const { a, author, open, comment } = setting();
    await putFile(a, '.github/plazo.yml', 'policy: soporte-justo\n');
    await open(a, 'Certificado SSL vencido', A_CREATED);
    await settled(ticketKey(a.issueId));
    await comment(a, a.issueId + 10, '2026-11-10T11:00:00Z', { login: `maintainer-${a.issueId}`, id: a.issueId + 100 }, 'MEMBER');
    await comment(a, a.issueId + 11, '2026-11-10T11:05:00Z', { login: `bystander-${a.issueId}`, id: a.issueId + 200 }, 'NONE');
    const calm = JSON.parse((await settled(ticketKey(a.issueId))).evaluation);
    expect(calm.flags).not.toContain('early-follow-up');

    await comment(a, a.issueId + 12, '2026-11-10T11:10:00Z', author, 'NONE');
    const pressed = JSON.parse((await settled(ticketKey(a.issueId))).evaluation);
    expect(pressed.flags).toContain('early-follow-up');
    expect(pressed.reasons.find((r: any) => r.rule === 'history:early-follow-up').history).toMatchObject({
      minutes: 10,
      cooldownMinutes: 40,
    });
    expect((await issueState(a)).comments[0]!.body).toContain('`early-follow-up`');
    const record = await requesterRecord('github:token', author.login);
    expect(record.flags).toEqual([expect.objectContaining({ ticket: ticketKey(a.issueId), flag: 'early-follow-up' })]);
  });
});

describe('rules over a customer history through Zendesk (the organisation, else the requester)', () => {
  const ORGANIZATION = '7000000001';

  async function ready(settings: Record<string, unknown>) {
    const account = uniqueAccount();
    await standInAccount(account);
    const token = await setUp(account, { settings: { policy: 'soporte-justo', ...settings } });
    const deliver = (payload: unknown) =>
      deliverZendesk(payload, { secret: account.webhookSecret, accountId: account.accountId, subdomain: account.subdomain });
    const create = async (id: number, detail: Record<string, unknown>, createdAt: string) => {
      await standInTicket(account, id, { priority: null, tags: [] });
      const res = await deliver(zendeskEvent('created', account, id, { createdAt, detail: { priority: null, tags: [], ...detail } }));
      expect(res.status).toBe(202);
      return JSON.parse((await settled(`zendesk:${account.subdomain}:${id}`)).evaluation);
    };
    return { account, token, deliver, create };
  }

  it("flags a colleague's ticket on the same matter as the organisation's possible duplicate, over the organisation's own quota", async () => {
    const { account, token, create } = await ready({
      monthlyTicketQuota: 10,
      organizationQuotas: [{ organization: ORGANIZATION, monthlyTicketQuota: 1 }],
    });
    const first = await create(7101, { subject: 'La web no carga', requester_id: '5001', organization_id: ORGANIZATION }, A_CREATED);
    expect(first.flags).not.toContain('possible-duplicate');
    const second = await create(7102, { subject: 'Nuestra web no carga', requester_id: '5002', organization_id: ORGANIZATION }, B_CREATED);
    expect(second.flags).toEqual(expect.arrayContaining(['possible-duplicate', 'over-quota']));
    const duplicate = second.reasons.find((r: any) => r.rule === 'history:possible-duplicate');
    expect(duplicate.history).toMatchObject({
      identity: 'organization',
      ticket: `zendesk:${account.subdomain}:7101`,
      ticketLabel: '#7101',
    });
    expect(second.reasons.find((r: any) => r.rule === 'history:over-quota').history).toMatchObject({ count: 2, limit: 1 });

    // The sidebar reads the same evaluation through the installation's ticket endpoint.
    const sidebar = await (await api('/api/v1/zendesk/tickets/7102', token)).json<any>();
    expect(sidebar.evaluation.flags).toEqual(second.flags);

    const record = await requesterRecord(`zendesk:${account.subdomain}`, '5002');
    expect(record.organization).toBe(ORGANIZATION);
    expect(record.totals.map((t) => t.flag)).toEqual(['over-quota', 'possible-duplicate']);
    // The first requester broke no rule: the list names only the second, with its flagged tickets.
    const list = await exports.default.fetch(admin(`/api/v1/installations/zendesk:${account.subdomain}/requesters`));
    expect(await list.json()).toMatchObject({
      requesters: [{ requester: '5002', organization: ORGANIZATION, tickets: 1, flags: 2 }],
    });
    expect((await requesterRecord(`zendesk:${account.subdomain}`, '5001')).flags).toEqual([]);
  });

  it("serves the record to the admin token only (not the installation's own), and names an unknown installation", async () => {
    const { account, token } = await ready({});
    const ownToken = await api(`/api/v1/installations/zendesk:${account.subdomain}/requesters/5002`, token);
    expect(ownToken.status).toBe(401);
    const unknown = await exports.default.fetch(admin('/api/v1/installations/zendesk:nobody-here/requesters/5002'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it("uses the requester when the ticket has no organisation, under the installation's quota", async () => {
    const { create } = await ready({ monthlyTicketQuota: 1 });
    await create(7201, { subject: 'La web no carga', requester_id: '6001', organization_id: null }, A_CREATED);
    const other = await create(7202, { subject: 'La web no carga', requester_id: '6002', organization_id: null }, B_CREATED);
    expect(other.flags).not.toContain('possible-duplicate');
    expect(other.flags).not.toContain('over-quota');
    const same = await create(7203, { subject: 'Nuestra web no carga', requester_id: '6001', organization_id: null }, B_CREATED);
    expect(same.flags).toEqual(expect.arrayContaining(['possible-duplicate', 'over-quota']));
    expect(same.reasons.find((r: any) => r.rule === 'history:possible-duplicate').history).toMatchObject({ identity: 'requester' });
  });

  it("flags the requester's comment 15 minutes after an agent's public reply", async () => {
    const { account, deliver, create } = await ready({});
    const requester = '8001';
    await create(7301, { subject: 'Correo rebotado', requester_id: requester }, A_CREATED);
    const key = `zendesk:${account.subdomain}:7301`;
    const comment = (id: string, at: string, author: { id: string; is_staff: boolean }) => {
      const p = zendeskEvent('commentAdded', account, 7301, {
        createdAt: A_CREATED,
        detail: { subject: 'Correo rebotado', requester_id: requester, priority: null, tags: [] },
        event: { comment: { id, body: 'texto', is_public: true, author: { ...author, name: 'x' } } },
      });
      p.time = at;
      return deliver(p);
    };
    expect((await comment('91', '2026-11-10T12:00:00Z', { id: '9999', is_staff: true })).status).toBe(202);
    expect((await comment('92', '2026-11-10T12:15:00Z', { id: requester, is_staff: false })).status).toBe(202);
    const evaluation = JSON.parse((await settled(key)).evaluation);
    expect(evaluation.flags).toContain('early-follow-up');
    expect(evaluation.reasons.find((r: any) => r.rule === 'history:early-follow-up').history).toMatchObject({ minutes: 15 });
  });
});
