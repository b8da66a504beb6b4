import { exports } from 'cloudflare:workers';
import { builtInPolicies, type Evaluation, policyCalendar } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import type { ComplianceReport, HoursReport } from '../../worker/src/reports/report-types.js';
import customFieldChanged from '../fixtures/zendesk/ticket-custom-field-changed.json';
import { deliver, example, githubTime, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { admin, settled, ticketKey } from './support/storage.js';
import { type Account, deliverZendesk, setUp, uniqueAccount, zendeskEvent } from './support/zendesk-support.js';

const TIME_FIELD = 360_012_345;

const report = async <T>(path: string) => {
  const res = await exports.default.fetch(admin(path));
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

/** This month and its neighbours in UTC: the report's months are the policy zone's, which never lies further off. */
function monthsAroundNow(): { from: string; to: string } {
  const now = new Date();
  const month = (delta: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + delta, 1)).toISOString().slice(0, 7);
  return { from: month(-1), to: month(1) };
}

/** A Zendesk installation in dry run (no API credentials) whose settings name the Time Tracking field. */
async function zendeskAccount(settings: Record<string, unknown> = {}) {
  const account = uniqueAccount();
  await setUp(account, {
    credentials: false,
    settings: { policy: 'websaas', timeTracking: { totalTimeFieldId: TIME_FIELD }, ...settings },
  });
  const send = (payload: unknown) =>
    deliverZendesk(payload, { secret: account.webhookSecret, accountId: account.accountId, subdomain: account.subdomain });
  return { account, send, installation: `zendesk:${account.subdomain}` };
}

/** The Time Tracking app's total field (or another number field) changing on a ticket, as Zendesk's webhook reports it. */
function fieldChanged(account: Account, ticketId: number, fieldId: number, previous: number | null, current: number, organization?: null) {
  const detail = { actor_id: '8447388090494', requester_id: '8447388090495', ...(organization === null ? { organization_id: null } : {}) };
  const p = zendeskEvent('tagsChanged', account, ticketId, { detail });
  p.type = customFieldChanged.type;
  p.event = {
    ...customFieldChanged.event,
    custom_field: { ...customFieldChanged.event.custom_field, id: String(fieldId) },
    previous,
    current,
  };
  return p;
}

describe('reports API: hours per customer and month', () => {
  it('sums Time Tracking changes per organisation (else requester), only the field the settings name, once per event', async () => {
    const { account, send, installation } = await zendeskAccount();
    const ticketId = 7100;
    const requester = '8447388090495';
    const organization = '8447346622462';
    expect((await send(zendeskEvent('created', account, ticketId, { detail: { requester_id: requester } }))).status).toBe(202);
    // The same requester's ticket outside any organisation is theirs.
    const loose = { requester_id: requester, organization_id: null };
    expect((await send(zendeskEvent('created', account, ticketId + 1, { detail: loose }))).status).toBe(202);
    expect((await send(fieldChanged(account, ticketId + 1, TIME_FIELD, 0, 600, null))).status).toBe(202);
    const first = fieldChanged(account, ticketId, TIME_FIELD, null, 1800);
    expect((await send(first)).status).toBe(202);
    expect((await send(fieldChanged(account, ticketId, TIME_FIELD, 1800, 5400))).status).toBe(202);
    // Another number field, and the same event delivered again: neither adds time.
    expect((await send(fieldChanged(account, ticketId, 777, 0, 99_999))).status).toBe(202);
    expect(await (await send(first)).json()).toMatchObject({ status: 'duplicate' });
    await settled(`zendesk:${account.subdomain}:${ticketId}`);
    await settled(`zendesk:${account.subdomain}:${ticketId + 1}`);

    const { from, to } = monthsAroundNow();
    const hours = await report<HoursReport>(`/api/v1/reports/hours?installation=${installation}&from=${from}&to=${to}`);
    expect(hours.months).toHaveLength(3);
    const month = expect.any(String);
    expect(hours.rows).toEqual([
      { customer: organization, customerKind: 'organization', month, seconds: 5400, hours: 1.5, tickets: 1, entries: 2 },
      { customer: requester, customerKind: 'requester', month, seconds: 600, hours: 0.17, tickets: 1, entries: 1 },
    ]);
    expect(hours.months).toContain(hours.rows[0]!.month);
  });

  it('records a repository member’s `/plazo time` comment on a GitHub issue for the issue’s author, and no one else’s', async () => {
    const ids = uniqueIds();
    const author = `customer-${ids.issueId}`;
    const opened = onIssue(example('issues', 'opened'), ids, { createdAt: recent() });
    opened.issue.user = { ...opened.issue.user, login: author, id: ids.issueId };
    expect((await deliver('issues', opened)).status).toBe(202);
    const comment = (body: string, association: string, id: number) => {
      const p = onIssue(example('issue_comment', 'created'), ids, { createdAt: opened.issue.created_at });
      p.issue.user = opened.issue.user;
      p.comment = { ...p.comment, id, body, author_association: association, created_at: githubTime() };
      return p;
    };
    expect((await deliver('issue_comment', comment('Looked into it.\n/plazo time 1h30m', 'MEMBER', ids.issueId + 1))).status).toBe(202);
    expect((await deliver('issue_comment', comment('/plazo time 20m', 'OWNER', ids.issueId + 2))).status).toBe(202);
    // The customer cannot bill time, and a malformed command records none.
    expect((await deliver('issue_comment', comment('/plazo time 5h', 'NONE', ids.issueId + 3))).status).toBe(202);
    expect((await deliver('issue_comment', comment('/plazo time soon', 'MEMBER', ids.issueId + 4))).status).toBe(202);
    await settled(ticketKey(ids.issueId));

    const { from, to } = monthsAroundNow();
    const hours = await report<HoursReport>(`/api/v1/reports/hours?installation=github:token&from=${from}&to=${to}`);
    const mine = hours.rows.filter((r) => r.customer === author);
    // GitHub has no organisations: the issue's author is the customer.
    const row = {
      customer: author,
      customerKind: 'requester',
      month: expect.any(String),
      seconds: 6600,
      hours: 1.83,
      tickets: 1,
      entries: 2,
    };
    expect(mine).toEqual([row]);

    const csv = await exports.default.fetch(admin(`/api/v1/reports/hours?installation=github:token&from=${from}&to=${to}&format=csv`));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="plazo-hours-github-token-${from}-${to}.csv"`);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('customer,customer_kind,month,hours,seconds,tickets,entries');
    expect(lines).toContain(`${author},requester,${mine[0]!.month},1.83,6600,1,2`);
  });
});

describe('reports API: compliance per policy, priority and month', () => {
  it('counts met and breached targets, the median business time to first response, and the flags per customer', async () => {
    const { account, send, installation } = await zendeskAccount();
    const policy = builtInPolicies.get('websaas')!;
    const calendar = policyCalendar(policy);
    if (!calendar.ok || !calendar.value) throw new Error('websaas has open hours');
    // Tuesday 6 October 2026 in Bogotá: two tickets answered by an agent 45 min and 2 h later, one never answered.
    const created = ['2026-10-06T10:00:00-05:00', '2026-10-06T11:00:00-05:00', '2026-10-06T12:00:00-05:00'];
    const answered = ['2026-10-06T10:45:00-05:00', '2026-10-06T13:00:00-05:00', null];
    // Two tickets of one organisation, one of a requester in none: flags are counted per customer.
    const requesters = ['8447388090495', '8447388090496', '8447388090777'];
    const organizations = ['5550001', '5550001', null];
    const customers = ['organization 5550001', 'organization 5550001', 'requester 8447388090777'];
    const keys: string[] = [];
    for (const [i, createdAt] of created.entries()) {
      const id = 7200 + i;
      const detail = { requester_id: requesters[i], organization_id: organizations[i], subject: 'No puedo facturar', priority: null };
      const at = new Date(createdAt).toISOString().replace('.000Z', 'Z');
      expect((await send(zendeskEvent('created', account, id, { createdAt: at, detail }))).status).toBe(202);
      if (answered[i]) {
        const reply = zendeskEvent('commentAdded', account, id, {
          createdAt: at,
          detail,
          event: {
            comment: { id: String(9100 + i), body: 'Revisando.', is_public: true, author: { id: '8447388090494', is_staff: true } },
          },
        });
        reply.time = new Date(answered[i]!).toISOString().replace('.000Z', 'Z');
        expect((await send(reply)).status).toBe(202);
      }
      keys.push(`zendesk:${account.subdomain}:${id}`);
    }
    // A ticket of another month is left out of an October report.
    expect((await send(zendeskEvent('created', account, 7300, { createdAt: '2026-09-15T15:00:00Z' }))).status).toBe(202);
    const evaluations: Evaluation[] = [];
    for (const key of [...keys, `zendesk:${account.subdomain}:7300`]) evaluations.push(JSON.parse((await settled(key)).evaluation));

    const compliance = await report<ComplianceReport>(`/api/v1/reports/compliance?installation=${installation}&from=2026-10&to=2026-10`);
    expect(compliance.months).toEqual(['2026-10']);
    const october = evaluations.slice(0, 3);
    const priorities = new Set(october.map((e) => e.priority ?? '(none)'));
    // One row per priority met, most severe first as the policy lists them.
    const ranked = [...policy.priorities.map((p) => p.id), '(none)'].filter((id) => priorities.has(id));
    expect(compliance.rows.map((r) => [r.policy, r.priority, r.month])).toEqual(ranked.map((p) => ['websaas', p, '2026-10']));
    const sum = (pick: (r: ComplianceReport['rows'][number]) => number) => compliance.rows.reduce((n, r) => n + pick(r), 0);
    expect(sum((r) => r.tickets)).toBe(3);
    // Days later, the unanswered ticket has breached its first response; the answered ones met it, whatever their priority's target.
    expect(sum((r) => r.firstResponse.breached)).toBe(october.filter((e) => e.sla.firstResponse?.state === 'breached').length);
    expect(sum((r) => r.firstResponse.met) + sum((r) => r.firstResponse.breached)).toBe(3);
    expect(october[2]!.sla.firstResponse?.state).toBe('breached');
    const waits = [45 * 60_000, 2 * 3600_000];
    expect(waits).toEqual(answered.slice(0, 2).map((a, i) => calendar.value!.businessTimeBetween(Date.parse(created[i]!), Date.parse(a!))));
    if (priorities.size === 1) expect(compliance.rows[0]!.firstResponse.medianBusinessMs).toBe(45 * 60_000);
    else for (const r of compliance.rows) expect([null, ...waits]).toContain(r.firstResponse.medianBusinessMs);

    // Flags, whatever rules raised them, per customer and month.
    const expected = new Map<string, number>();
    for (const [i, e] of october.entries())
      for (const flag of e.flags) expected.set(`${customers[i]} ${flag}`, (expected.get(`${customers[i]} ${flag}`) ?? 0) + 1);
    expect(new Map(compliance.flags.map((f) => [`${f.customerKind} ${f.customer} ${f.flag}`, f.tickets]))).toEqual(expected);
    expect(compliance.flags.every((f) => f.month === '2026-10')).toBe(true);

    const csv = await (
      await exports.default.fetch(admin(`/api/v1/reports/compliance?installation=${installation}&from=2026-10&to=2026-10&format=csv`))
    ).text();
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'policy,priority,month,tickets,excluded,first_response_met,first_response_breached,first_response_at_risk,first_response_running,' +
        'first_response_paused,first_response_median_business_hours,resolution_met,resolution_breached,resolution_at_risk,' +
        'resolution_running,resolution_paused,resolution_median_business_hours',
    );
    expect(lines).toHaveLength(compliance.rows.length);
  });

  it('names a bad month range, an unknown installation and a missing token instead of answering', async () => {
    const bad = await exports.default.fetch(admin('/api/v1/reports/compliance?installation=github:token&from=2026-13&to=2026-10'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid-query', detail: expect.stringContaining('YYYY-MM') } });
    const backwards = await exports.default.fetch(admin('/api/v1/reports/hours?installation=github:token&from=2026-10&to=2026-09'));
    expect(await backwards.json()).toMatchObject({ error: { code: 'invalid-query', detail: 'to (2026-09) is before from (2026-10)' } });
    const long = await exports.default.fetch(admin('/api/v1/reports/hours?installation=github:token&from=2020-01&to=2026-01'));
    expect(await long.json()).toMatchObject({ error: { code: 'invalid-query', detail: 'a report spans at most 36 months' } });
    const missing = await exports.default.fetch(admin('/api/v1/reports/hours?from=2026-10&to=2026-10'));
    expect(await missing.json()).toMatchObject({ error: { code: 'invalid-query', problems: [{ path: 'installation' }] } });
    const unknown = await exports.default.fetch(admin('/api/v1/reports/flags?installation=zendesk:nobody&from=2026-10&to=2026-10'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not-found' } });
    const anonymous = await exports.default.fetch(
      'http://plazo.test/api/v1/reports/hours?installation=github:token&from=2026-10&to=2026-10',
    );
    expect(anonymous.status).toBe(401);
  });
});
