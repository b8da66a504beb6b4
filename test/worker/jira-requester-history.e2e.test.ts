import { describe, expect, it } from 'vitest';
import { adminWebhook, deliverWebhook, setUpSite, standInBasicSite, standInIssue, uniqueSite } from './support/jira-support.js';
import { settled, ticketRow } from './support/storage.js';

// Soporte Justo has no calendar: fixed instants in the past change no deadline and keep both issues in one calendar month.
const A_CREATED = '2026-11-10T10:00:00.000+0000';
const B_CREATED = '2026-11-10T10:05:00.000+0000';

describe('rules over a customer history through Jira (no organisations: the reporter)', () => {
  it("flags the reporter's second issue on the same matter as a possible duplicate, saying Jira names no organisation", async () => {
    const site = uniqueSite();
    await standInBasicSite(site);
    const [a, b] = [30_000 + Math.floor(Math.random() * 50_000), 90_000 + Math.floor(Math.random() * 50_000)];
    await standInIssue(site.prefix, a);
    await standInIssue(site.prefix, b);
    await setUpSite(site, { policy: 'soporte-justo', monthlyTicketQuota: 1 });
    const reporter = `712020:customer-${a}`;
    const open = (id: number, summary: string, created: string) => {
      const p = adminWebhook('jira:issue_created', site, id);
      p.issue.fields = { ...p.issue.fields, summary, created, updated: created, reporter: { accountId: reporter } };
      return deliverWebhook(p, { secret: site.secret, site: site.site });
    };
    expect((await open(a, 'El correo no llega', A_CREATED)).status).toBe(202);
    const first = JSON.parse((await settled(`${site.key}:${a}`)).evaluation);
    expect(first.flags).not.toContain('possible-duplicate');

    expect((await open(b, 'No me llega el correo desde ayer', B_CREATED)).status).toBe(202);
    const second = JSON.parse((await settled(`${site.key}:${b}`)).evaluation);
    expect(second.flags).toEqual(expect.arrayContaining(['possible-duplicate', 'over-quota']));
    const duplicate = second.reasons.find((r: any) => r.rule === 'history:possible-duplicate');
    expect(duplicate.history).toMatchObject({ identity: 'requester', ticket: `${site.key}:${a}`, ticketLabel: `SUP-${a}` });
    expect(duplicate.detail).toMatch(/Jira issues name no customer organisation/);
    expect((await ticketRow(`${site.key}:${b}`))?.organization).toBeNull();
  });
});
