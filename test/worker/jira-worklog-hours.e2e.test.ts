import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { HoursReport } from '../../worker/src/reports/report-types.js';
import {
  adminWebhook,
  deliverForge,
  deliverWebhook,
  forgeEvent,
  jiraTime,
  type Site,
  setUpSite,
  signFit,
  standInBasicSite,
  standInForgeSite,
  standInIssue,
  uniqueForge,
  uniqueIssueId,
  uniqueSite,
} from './support/jira-support.js';
import { admin, settled } from './support/storage.js';

const REPORTER = '4ad9aa0c52dc1b420a791d12';

/** A worklog as Jira's worklog events carry it (it names its issue by id only); `updatedAgoMs` orders its versions. */
function worklog(id: string, issue: number, seconds: number, updatedAgoMs: number, site?: Site) {
  return {
    self: `https://${site?.site ?? 'example.atlassian.net'}/rest/api/3/issue/${issue}/worklog/${id}`,
    author: { accountId: '712020:agent', displayName: 'Ana' },
    updateAuthor: { accountId: '712020:agent', displayName: 'Ana' },
    created: jiraTime(60_000),
    updated: jiraTime(updatedAgoMs),
    started: jiraTime(120_000),
    timeSpent: `${seconds / 60}m`,
    timeSpentSeconds: seconds,
    id,
    issueId: String(issue),
  };
}

/** This month and its neighbours in UTC: the report's months are the policy zone's, which never lies further off. */
function monthsAroundNow(): { from: string; to: string } {
  const now = new Date();
  const month = (delta: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + delta, 1)).toISOString().slice(0, 7);
  return { from: month(-1), to: month(1) };
}

async function hours(installation: string): Promise<HoursReport['rows']> {
  const { from, to } = monthsAroundNow();
  const res = await exports.default.fetch(
    admin(`/api/v1/reports/hours?installation=${encodeURIComponent(installation)}&from=${from}&to=${to}`),
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as HoursReport).rows;
}

describe('Jira worklogs as hours per customer and month, end to end through D1 and the REST stand-in', () => {
  it('sums admin-webhook worklogs for the reporter: an edit corrects, a deletion removes, a late old version adds nothing', async () => {
    const site = uniqueSite();
    await standInBasicSite(site);
    const id = uniqueIssueId();
    await standInIssue(site.prefix, id);
    await setUpSite(site);
    const send = (payload: unknown) => deliverWebhook(payload, { secret: site.secret, site: site.site });
    expect((await send(adminWebhook('jira:issue_created', site, id))).status).toBe(202);
    await settled(`${site.key}:${id}`);

    const event = (name: string, log: ReturnType<typeof worklog>) => ({ timestamp: Date.now(), webhookEvent: name, worklog: log });
    const logged = event('worklog_created', worklog('9001', id, 3600, 50_000, site));
    expect(await (await send(logged)).json()).toMatchObject({ status: 'accepted' });
    expect((await send(event('worklog_updated', worklog('9001', id, 5400, 40_000, site)))).status).toBe(202);
    // The first version arriving again, late (a new delivery of an older state), changes nothing.
    expect((await send(logged)).status).toBe(202);
    // Another worklog, logged then deleted: nothing remains of it, and a late edit does not bring it back.
    expect((await send(event('worklog_created', worklog('9002', id, 1800, 50_000, site)))).status).toBe(202);
    expect((await send(event('worklog_deleted', worklog('9002', id, 1800, 50_000, site)))).status).toBe(202);
    expect((await send(event('worklog_updated', worklog('9002', id, 2700, 30_000, site)))).status).toBe(202);
    // A worklog of another site, signed with this site's secret, is refused.
    const foreign = event('worklog_created', worklog('9003', id, 600, 0, { ...site, site: 'evil.atlassian.net' }));
    expect((await send(foreign)).status).toBe(400);

    const rows = await hours(site.key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customer: REPORTER, customerKind: 'requester', seconds: 5400, hours: 1.5, tickets: 1 });
  });

  it('records a Forge worklog event that arrives before its issue, attributed once the issue is stored; a retry adds nothing', async () => {
    const forge = uniqueForge();
    await standInForgeSite(forge);
    const id = uniqueIssueId();
    await standInIssue(forge.prefix, id);
    const created = { eventType: 'avi:jira:created:worklog', worklog: worklog('7001', id, 900, 10_000) };
    const res = await deliverForge(created, await signFit(forge), forge.systemToken);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted' });
    const retried = await deliverForge({ ...created, retryContext: { retryCount: 1 } }, await signFit(forge));
    expect(await retried.json()).toMatchObject({ status: 'duplicate' });
    expect((await hours(forge.key))[0]).toMatchObject({ customer: '(unknown)', seconds: 900 });

    expect((await deliverForge(forgeEvent('created', id), await signFit(forge), forge.systemToken)).status).toBe(202);
    await settled(`${forge.key}:${id}`);
    const updated = { eventType: 'avi:jira:updated:worklog', worklog: worklog('7001', id, 1200, 0) };
    expect((await deliverForge(updated, await signFit(forge))).status).toBe(202);
    expect(await hours(forge.key)).toEqual([expect.objectContaining({ customer: REPORTER, customerKind: 'requester', seconds: 1200 })]);
  });
});
