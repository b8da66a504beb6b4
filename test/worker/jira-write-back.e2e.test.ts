import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  adminWebhook,
  DEV_SECRET,
  deliverForge,
  deliverWebhook,
  forgeCall,
  forgeEvent,
  jiraTime,
  setUpSite,
  signFit,
  standInBasicSite,
  standInFault,
  standInForgeSite,
  standInIssue,
  standInLog,
  standInState,
  uniqueForge,
  uniqueIssueId,
  uniqueSite,
} from './support/jira-support.js';
import { settled, settledAt, ticketRow, writeBacks } from './support/storage.js';

/** A Forge installation whose site is on the stand-in, with one issue there. */
async function forgeReady() {
  const forge = uniqueForge();
  await standInForgeSite(forge);
  const id = uniqueIssueId();
  await standInIssue(forge.prefix, id);
  return { forge, id, key: `${forge.key}:${id}`, token: await signFit(forge) };
}

describe('Jira through Forge Remote, end to end through D1, the queue and the REST stand-in', () => {
  it('verifies the invocation token, answers 202 and writes priority, labels, due date, the property and one ADF comment', async () => {
    const { forge, id, key, token } = await forgeReady();
    const res = await deliverForge(forgeEvent('created', id), token, forge.systemToken);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted', ticket: key });

    const row = await settled(key);
    const evaluation = JSON.parse(row.evaluation);
    const issue = await standInState(forge.prefix, id);
    const panel = await (await forgeCall(`/issues/${id}`, await signFit(forge))).json<any>();
    expect(panel.evaluation).toEqual(evaluation);
    expect(issue.priority).toBe(panel.hostPriority);
    expect(issue.duedate).toBe(evaluation.sla.resolution.dueAt.slice(0, 10));
    expect(panel.due).toEqual({ resolution: issue.duedate });
    expect(issue.properties['plazo-sla']).toMatchObject({
      priority: evaluation.priority,
      policy: evaluation.policy,
      resolution: { due: evaluation.sla.resolution.dueAt },
      firstResponse: { due: evaluation.sla.firstResponse.dueAt },
    });
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toMatchObject({ type: 'doc', version: 1 });
    expect(JSON.stringify(issue.comments[0]!.body)).toContain('Plazo');
    expect((await writeBacks(key))[0]).toMatchObject({ mode: 'live', status: 'applied' });
  });

  it('treats a replayed event as a duplicate and keeps its one comment up to date in place after the first response', async () => {
    const { forge, id, key, token } = await forgeReady();
    const created = forgeEvent('created', id);
    expect(await (await deliverForge(created, token, forge.systemToken)).json()).toMatchObject({ status: 'accepted' });
    await settled(key);
    const calls = (await standInLog(forge.prefix)).length;
    // Forge retries with a new token and retryContext: the same event.
    const retried = await deliverForge(
      { ...created, retryContext: { retryCount: 1, retryReason: 'FUNCTION_ERROR' } },
      await signFit(forge),
    );
    expect(await retried.json()).toMatchObject({ status: 'duplicate' });
    expect(await standInLog(forge.prefix)).toHaveLength(calls);

    const comment = {
      id: '31337',
      author: { accountId: '712020:agent' },
      body: 'Estamos en ello',
      created: jiraTime(),
      updated: jiraTime(),
    };
    expect(await (await deliverForge(forgeEvent('commented', id, { comment }), await signFit(forge))).json()).toMatchObject({
      status: 'accepted',
    });
    const row = await settledAt(key, 2);
    expect(JSON.parse(row.evaluation).sla.firstResponse.state).toBe('met');
    const issue = await standInState(forge.prefix, id);
    expect(issue.properties['plazo-sla'].firstResponse.state).toBe('met');
    expect(issue.comments).toHaveLength(1);
    const edits = (await standInLog(forge.prefix)).filter((r) => r.method === 'PUT' && /\/comment\/\d+$/.test(r.path));
    expect(edits).toHaveLength(1);
  });

  it('refuses a missing, expired, wrong-audience or foreign-issuer token with 401 and stores nothing', async () => {
    const forge = uniqueForge();
    const id = uniqueIssueId();
    const payload = forgeEvent('created', id);
    const tokens = [
      await signFit(forge, { expiresIn: -60 }),
      await signFit(forge, { audience: 'ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000' }),
      await signFit(forge, { issuer: 'someone-else' }),
      `${(await signFit(forge)).slice(0, -4)}AAAA`,
    ];
    for (const token of tokens) {
      const res = await deliverForge(payload, token, forge.systemToken);
      expect(res.status).toBe(401);
    }
    const missing = await (await import('cloudflare:workers')).exports.default.fetch('http://plazo.test/forge/jira/events', {
      method: 'POST',
      body: JSON.stringify(payload),
    });
    expect(missing.status).toBe(401);
    expect(await forgeCall('/config', await signFit(forge, { expiresIn: -60 }))).toHaveProperty('status', 401);
    expect(await ticketRow(`${forge.key}:${id}`)).toBeNull();
    const secrets = await env.DB.prepare('SELECT COUNT(*) AS n FROM installation_secrets WHERE installation_key = ?1')
      .bind(forge.key)
      .first<{ n: number }>();
    expect(secrets?.n).toBe(0);
  });

  it('stores the admin page settings only when valid, and reads the site lists through jira.js', async () => {
    const { forge } = await forgeReady();
    const token = await signFit(forge, { ui: 'admin' });
    expect(await forgeCall('/token', token, { method: 'POST', headers: { 'x-forge-oauth-system': forge.systemToken } })).toHaveProperty(
      'status',
      204,
    );
    const bad = await forgeCall('/config', token, {
      method: 'PUT',
      body: JSON.stringify({ policy: 'nope', projects: { sup: {} }, pauseStatuses: [''] }),
    });
    expect(bad.status).toBe(400);
    const problem = await bad.json<any>();
    expect(problem.error.code).toBe('invalid-config');
    expect(problem.error.problems.map((p: any) => p.path)).toEqual(['projects.sup', 'pauseStatuses[0]']);
    const unknown = await forgeCall('/config', token, { method: 'PUT', body: JSON.stringify({ projects: { OPS: { policy: 'nope' } } }) });
    expect(unknown.status).toBe(400);
    expect((await unknown.json<any>()).error.problems).toEqual([{ path: 'projects.OPS.policy', message: expect.stringContaining('nope') }]);
    expect((await (await forgeCall('/config', token)).json<any>()).settings).toEqual({});
    const settings = {
      policy: 'websaas',
      projects: { OPS: { policy: 'infraspeak' } },
      pauseStatuses: ['Waiting for customer'],
      priorityMap: {},
    };
    const good = await forgeCall('/config', token, { method: 'PUT', body: JSON.stringify(settings) });
    expect(good.status).toBe(200);
    const config = await (await forgeCall('/config', token)).json<any>();
    expect(config.settings).toEqual(settings);
    expect(config.site.priorities.map((p: any) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(config.site.statuses).toContainEqual({ id: '10002', name: 'Done', category: 'done' });
    expect(config.site.projects).toEqual([{ id: '10000', key: 'SUP', name: 'Support' }]);
    expect(config.site.groups).toEqual([{ groupId: 'g-1', name: 'support-agents' }]);
    expect(config.siteProblems).toBeUndefined();
    expect(config.policies.map((p: any) => p.id)).toContain('websaas');
  });

  it('runs dry until a system token arrives, then writes everything, the comment included', async () => {
    const { forge, id, key, token } = await forgeReady();
    expect(await (await deliverForge(forgeEvent('created', id), token)).json()).toMatchObject({ status: 'accepted' });
    await settled(key);
    expect((await writeBacks(key))[0]).toMatchObject({ mode: 'dry-run' });
    expect(await standInLog(forge.prefix)).toEqual([]);
    const comment = {
      id: '4242',
      author: { accountId: '4ad9aa0c52dc1b420a791d12' },
      body: '¿Novedades?',
      created: jiraTime(),
      updated: jiraTime(),
    };
    await deliverForge(forgeEvent('commented', id, { comment }), await signFit(forge), forge.systemToken);
    await settledAt(key, 2);
    const issue = await standInState(forge.prefix, id);
    expect(issue.comments).toHaveLength(1);
    expect(issue.properties['plazo-sla']).toBeDefined();
    expect((await writeBacks(key)).at(-1)).toMatchObject({ mode: 'live', status: 'applied' });
  });

  it('waits for Retry-After on a 429 and then writes back', async () => {
    const { forge, id, key, token } = await forgeReady();
    await standInFault(forge.prefix, { method: 'PUT', path: `^/issue/${id}$`, status: 429, headers: { 'retry-after': '1' } });
    expect(await (await deliverForge(forgeEvent('created', id), token, forge.systemToken)).json()).toMatchObject({ status: 'accepted' });
    await settled(key);
    const rows = await writeBacks(key);
    expect(rows.map((r) => r.status)).toEqual(['retrying', 'applied']);
    expect(rows[0]!.error).toMatch(/429/);
    expect((await standInState(forge.prefix, id)).properties['plazo-sla']).toBeDefined();
  });
});

describe('Jira admin webhooks, end to end', () => {
  it("verifies X-Hub-Signature with the site's secret and writes back with its API token; replays and deletions", async () => {
    const site = uniqueSite();
    await standInBasicSite(site);
    const id = uniqueIssueId();
    await standInIssue(site.prefix, id);
    await setUpSite(site);
    const key = `${site.key}:${id}`;
    const identifier = crypto.randomUUID();
    const payload = adminWebhook('jira:issue_created', site, id);
    const res = await deliverWebhook(payload, { secret: site.secret, site: site.site, identifier });
    expect(res.status).toBe(202);
    await settled(key);
    const issue = await standInState(site.prefix, id);
    expect(issue.properties['plazo-sla'].policy).toBe('websaas');
    expect(issue.comments).toHaveLength(1);
    expect(await (await deliverWebhook(payload, { secret: site.secret, site: site.site, identifier })).json()).toMatchObject({
      status: 'duplicate',
    });
    expect((await deliverWebhook(payload, { secret: 'not-the-secret', site: site.site })).status).toBe(401);
    // Another site's issue, signed with this site's secret, is refused.
    const foreign = adminWebhook('jira:issue_created', { ...site, site: 'evil.atlassian.net' }, id);
    expect((await deliverWebhook(foreign, { secret: site.secret, site: site.site })).status).toBe(400);
    const deleted = await deliverWebhook(adminWebhook('jira:issue_deleted', site, id), { secret: site.secret, site: site.site });
    expect(deleted.status).toBe(202);
    expect((await ticketRow(key))?.status).toBe('retired');
  });

  it('resolves an issue moved to a Done status and pauses in a pause status', async () => {
    const site = uniqueSite();
    await standInBasicSite(site);
    const id = uniqueIssueId();
    await standInIssue(site.prefix, id);
    await setUpSite(site, { policy: 'websaas', pauseStatuses: ['Waiting for customer'] });
    const key = `${site.key}:${id}`;
    await deliverWebhook(adminWebhook('jira:issue_created', site, id), { secret: site.secret, site: site.site });
    await settled(key);
    const status = (name: string, category: string, changelogId: string) => {
      const p = adminWebhook('jira:issue_updated', site, id, {
        changelog: {
          id: changelogId,
          items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: 'To Do', to: '2', toString: name }],
        },
      });
      p.issue.fields.status = { id: '2', name, statusCategory: { id: 3, key: category, name } };
      return p;
    };
    await deliverWebhook(status('Waiting for customer', 'indeterminate', '501'), { secret: site.secret, site: site.site });
    const paused = await settledAt(key, 2);
    expect(JSON.parse(paused.evaluation).sla.resolution.state).toBe('paused');
    await deliverWebhook(status('Done', 'done', '502'), { secret: site.secret, site: site.site });
    const done = await settledAt(key, 3);
    expect(JSON.parse(done.evaluation).sla.resolution.state).toBe('met');
    expect((await standInState(site.prefix, id)).properties['plazo-sla'].resolution.state).toBe('met');
  });

  it('takes development deliveries signed with JIRA_WEBHOOK_SECRET as dry runs of jira:dev', async () => {
    const id = uniqueIssueId();
    const res = await deliverWebhook(adminWebhook('jira:issue_created', uniqueSite(), id), { secret: DEV_SECRET });
    expect(res.status).toBe(202);
    const row = await settled(`jira:dev:${id}`);
    expect(row.evaluation).not.toBeNull();
    expect((await writeBacks(`jira:dev:${id}`))[0]).toMatchObject({ mode: 'dry-run' });
  });
});
