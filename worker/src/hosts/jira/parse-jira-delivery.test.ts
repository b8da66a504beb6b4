import { describe, expect, it } from 'vitest';
import forgeCommented from '../../../../test/fixtures/jira/forge-issue-commented.json';
import forgeCreated from '../../../../test/fixtures/jira/forge-issue-created.json';
import forgeUpdated from '../../../../test/fixtures/jira/forge-issue-updated.json';
import forgeWorklog from '../../../../test/fixtures/jira/forge-worklog-created.json';
import webhookComment from '../../../../test/fixtures/jira/webhook-comment-created.json';
import webhookCreated from '../../../../test/fixtures/jira/webhook-issue-created.json';
import webhookWorklog from '../../../../test/fixtures/jira/webhook-worklog-updated.json';
import { forgeEventId, parseJiraDelivery } from './parse-jira-delivery.js';

const forge = {
  installationKey: 'jira:ari:cloud:ecosystem::installation/1',
  externalId: 'ari:cloud:ecosystem::installation/1',
  account: null,
  site: null,
};
const site = {
  installationKey: 'jira:acme.atlassian.net',
  externalId: 'acme.atlassian.net',
  account: 'acme.atlassian.net',
  site: 'acme.atlassian.net',
};
const copy = <T>(v: T): any => structuredClone(v);

describe('parseJiraDelivery', () => {
  it('stores a Forge-created issue keyed by installation and numeric id, scoped by project, with Jira instants in UTC', () => {
    expect(parseJiraDelivery(forge, forgeCreated)).toMatchObject({
      ok: true,
      value: {
        kind: 'ticket',
        installation: { key: forge.installationKey, host: 'jira' },
        actor: '4ad9aa0c52dc1b420a791d12',
        ticket: {
          key: `${forge.installationKey}:10073`,
          scope: 'SP',
          ref: { issueId: '10073', issueKey: 'SP-10' },
          subject: 'A descriptive title',
          requester: '4ad9aa0c52dc1b420a791d12',
          status: 'open',
          createdAt: '2021-01-20T04:58:12.797Z',
        },
        facts: [{ eventKey: 'created-status', data: { kind: 'status', name: 'Backlog', category: 'new' } }],
      },
    });
  });

  it('reads a status change into Done and a priority a person set from the changelog, keyed by the changelog id', () => {
    const parsed = parseJiraDelivery(forge, forgeUpdated);
    expect(parsed.ok && parsed.value.kind === 'ticket' && parsed.value.facts).toEqual([
      { eventKey: 'changelog:10105:status', at: '2021-01-20T22:12:00.000Z', data: { kind: 'status', name: 'Done', category: 'done' } },
      { eventKey: 'changelog:10105:priority', at: '2021-01-20T22:12:00.000Z', data: { kind: 'priority', name: 'Highest', byPerson: true } },
    ]);
    expect(parsed.ok && parsed.value.kind === 'ticket' && parsed.value.ticket.status).toBe('closed');
  });

  it('keys a comment by its id, from a Forge event and from an admin webhook alike', () => {
    const fromForge = parseJiraDelivery(forge, forgeCommented);
    expect(fromForge.ok && fromForge.value.kind === 'ticket' && fromForge.value.facts).toEqual([
      {
        eventKey: 'comment:10200',
        at: '2021-01-20T05:30:00.000Z',
        data: { kind: 'comment', commentId: '10200', author: '712020:5b10ac8d82e05b22cc7d4ef5', public: true },
      },
    ]);
    const fromWebhook = parseJiraDelivery(site, webhookComment);
    expect(fromWebhook.ok && fromWebhook.value.kind === 'ticket' && fromWebhook.value.facts[0]).toMatchObject({
      eventKey: 'comment:10400',
      data: { author: '557058:agent-1' },
    });
  });

  it('reads what an admin webhook shows (priority, labels, due date) and its description for triage', () => {
    const parsed = parseJiraDelivery(site, webhookCreated);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        kind: 'ticket',
        actor: '557058:c9ebf848-dfac-4c49-9408-dc34bd0e2d85',
        ticket: { body: 'Nobody can sign in since this morning.', hostState: { priority: 'Medium', labels: ['customer'], duedate: null } },
      },
    });
  });

  it('retires a deleted issue and ignores events it does not handle', () => {
    expect(parseJiraDelivery(forge, { ...copy(forgeCreated), eventType: 'avi:jira:deleted:issue' })).toMatchObject({
      ok: true,
      value: { kind: 'retire-ticket', ticketKey: `${forge.installationKey}:10073` },
    });
    expect(parseJiraDelivery(forge, { ...copy(forgeCreated), eventType: 'avi:jira:viewed:issue' })).toMatchObject({
      ok: true,
      value: { kind: 'ignore' },
    });
    expect(parseJiraDelivery(site, { ...copy(webhookCreated), webhookEvent: 'issuelink_created' })).toMatchObject({
      ok: true,
      value: { kind: 'ignore' },
    });
  });

  it('refuses an issue of another site than the one whose secret signed it, and names a malformed field', () => {
    const foreign = copy(webhookCreated);
    foreign.issue.self = 'https://evil.atlassian.net/rest/api/2/issue/25201';
    expect(parseJiraDelivery(site, foreign)).toMatchObject({
      ok: false,
      issue: { code: 'invalid-payload', detail: expect.stringContaining('acme.atlassian.net') },
    });
    const bad = copy(forgeCreated);
    bad.issue.fields.created = 'yesterday';
    expect(parseJiraDelivery(forge, bad)).toMatchObject({
      ok: false,
      issue: { code: 'invalid-payload', detail: expect.stringContaining('issue.fields.created') },
    });
    expect(parseJiraDelivery(forge, { hello: 1 })).toMatchObject({ ok: false, issue: { code: 'invalid-payload' } });
  });

  it('names no organisation for a plain Jira issue, so history rules use the reporter', () => {
    const parsed = parseJiraDelivery(site, webhookCreated);
    expect(parsed.ok && parsed.value.kind === 'ticket' && parsed.value.ticket).toMatchObject({ organization: null });
  });

  it("reads a Forge worklog as its issue's time: the worklog's total, keyed by its id and version, at its start", () => {
    expect(parseJiraDelivery(forge, forgeWorklog)).toEqual({
      ok: true,
      value: {
        kind: 'time',
        installation: { key: forge.installationKey, host: 'jira', externalId: forge.externalId, account: null },
        actor: null,
        ticketKey: `${forge.installationKey}:10073`,
        time: [
          {
            entryKey: 'worklog:10100@2021-01-20T23:15:00.000Z',
            revises: 'worklog:10100',
            at: '2021-01-20T22:00:00.000Z',
            seconds: 5400,
            source: 'jira-worklog',
            author: '5b10a2844c20165700ede21g',
          },
        ],
      },
    });
  });

  it('reads an edited worklog from an admin webhook as a new version, and a deleted one as a total of zero that sorts last', () => {
    const updated = parseJiraDelivery(site, webhookWorklog);
    expect(updated.ok && updated.value.kind === 'time' && updated.value.time).toEqual([
      expect.objectContaining({ entryKey: 'worklog:10000@2022-01-14T09:40:12.331Z', seconds: 7200, at: '2022-01-14T09:35:00.000Z' }),
    ]);
    const deleted = parseJiraDelivery(site, { ...copy(webhookWorklog), webhookEvent: 'worklog_deleted' });
    const time = deleted.ok && deleted.value.kind === 'time' ? deleted.value.time : [];
    expect(time).toEqual([expect.objectContaining({ entryKey: 'worklog:10000@deleted', seconds: 0, revises: 'worklog:10000' })]);
    expect(time[0]!.entryKey > 'worklog:10000@9999-12-31T23:59:59.999Z').toBe(true);
  });

  it('refuses a worklog of another site, and one whose time is missing, naming the field', () => {
    const foreign = copy(webhookWorklog);
    foreign.worklog.self = 'https://evil.atlassian.net/rest/api/2/issue/10027/worklog/10000';
    expect(parseJiraDelivery(site, foreign)).toMatchObject({
      ok: false,
      issue: { code: 'invalid-payload', detail: expect.stringContaining('acme.atlassian.net') },
    });
    const bad = copy(forgeWorklog);
    delete bad.worklog.timeSpentSeconds;
    expect(parseJiraDelivery(forge, bad)).toMatchObject({
      ok: false,
      issue: { code: 'invalid-payload', detail: expect.stringContaining('worklog.timeSpentSeconds') },
    });
  });
});

describe('forgeEventId', () => {
  it('is the same for a Forge retry of an event and differs between events', () => {
    const retry = { ...copy(forgeUpdated), retryContext: { retryCount: 1 } };
    expect(forgeEventId(retry)).toBe(forgeEventId(forgeUpdated));
    expect(forgeEventId(forgeUpdated)).not.toBe(forgeEventId(forgeCreated));
    expect(forgeEventId(forgeCommented)).toBe('avi:jira:commented:issue:10073:10200@2021-01-20T16:30:00.000+1100');
    expect(forgeEventId(forgeWorklog)).toBe('avi:jira:created:worklog:worklog:10100@2021-01-21T10:15:00.000+1100');
  });
});
