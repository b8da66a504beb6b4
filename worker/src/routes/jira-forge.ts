import type { Policy, Problem } from '@plazo/core';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono/tiny';
import { type Env, readSettings } from '../env.js';
import type { HostContext, StoredInstallation } from '../hosts/host-adapter.js';
import { hostContext } from '../hosts/host-context.js';
import { jiraClientFor } from '../hosts/jira/connect-jira.js';
import { storeSystemToken } from '../hosts/jira/forge-system-token.js';
import { jiraAdapter } from '../hosts/jira/jira-adapter.js';
import type { JiraConfig } from '../hosts/jira/jira-config.js';
import { jiraPriorityMap } from '../hosts/jira/jira-priority-map.js';
import { type JiraSettings, jiraSettingsForScope, parseJiraSettings } from '../hosts/jira/jira-settings.js';
import { verifyForgeInvocationToken } from '../hosts/jira/verify-forge-invocation-token.js';
import { forgeInstallationKey } from '../hosts/jira/verify-jira-delivery.js';
import { limitBody } from '../http/body-limit.js';
import { problem } from '../http/problem.js';
import { readJsonBody } from '../http/read-json-body.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { findInstallationPolicy } from '../policies/find-installation-policy.js';
import { getInstallationPolicy } from '../store/installation-policies.js';
import { getInstallation, setInstallationSettings, upsertInstallation } from '../store/installations.js';
import { getTicket } from '../store/tickets.js';
import { receiveDelivery } from './webhooks.js';

type ForgeVariables = { installation: StoredInstallation; ctx: HostContext<JiraConfig>; freshToken: boolean; uiModule: string | null };

/** Jira shows the admin page only to Jira admins, so settings are taken only from calls Forge signed as coming from it. */
const ADMIN_PAGE = 'jira:adminPage';
type ForgeEnv = { Bindings: Env; Variables: ForgeVariables };

const settingsOf = (raw: unknown): JiraSettings => {
  const parsed = parseJiraSettings(raw);
  return parsed.ok ? parsed.value : {};
};

/**
 * Every Forge Remote call but events: the invocation token (verified as for events) names the installation, which is
 * created on its first call; the system token riding with it is kept (sealed) for the write-back.
 */
const requireForgeInvocation: MiddlewareHandler<ForgeEnv> = async (c, next) => {
  const ctx = hostContext(jiraAdapter, c.env, readSettings(c.env)) as HostContext<JiraConfig>;
  const fit = await verifyForgeInvocationToken(c.req.header('authorization') ?? null, {
    appId: ctx.config.forgeAppId,
    jwksUrl: ctx.config.jwksUrl,
    jwksCooldownMs: ctx.config.jwksCooldownMs,
  });
  if (!fit.ok) {
    c.header('WWW-Authenticate', 'Bearer realm="forge"');
    return problem(c, 401, { code: 'unauthorized', detail: fit.issue.detail });
  }
  const key = forgeInstallationKey(fit.value.installationId);
  const now = Date.now();
  await upsertInstallation(c.env.DB, { key, host: 'jira', externalId: fit.value.installationId, account: null }, now).run();
  const systemToken = c.req.header('x-forge-oauth-system');
  const stored = systemToken
    ? await storeSystemToken(c.env.DB, ctx.config.credentialsKey, key, systemToken, fit.value.apiBaseUrl, now)
    : false;
  const installation = await getInstallation(c.env.DB, key);
  // Just upserted: only a concurrent delete could remove it, which no route does.
  if (!installation) return problem(c, 503, { code: 'unavailable', detail: 'the installation could not be stored' });
  c.set('installation', installation);
  c.set('ctx', ctx);
  c.set('freshToken', stored);
  c.set('uiModule', fit.value.uiModule);
  await next();
};

/** The site lists the admin page offers, each read through jira.js with the system token; a list that fails is [] with a problem. */
async function siteLists(c: Context<ForgeEnv>) {
  const siteProblems: { code: string; detail: string }[] = [];
  const empty = { priorities: [], statuses: [], projects: [], roles: [], groups: [] };
  const client = await jiraClientFor(c.get('installation'), c.get('ctx'), Date.now());
  if (!client.ok) return { site: empty, siteProblems: [{ code: client.issue.code, detail: client.issue.detail }] };
  const read = async <T>(what: string, call: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      siteProblems.push({ code: `unreadable-${what}`, detail: jiraAdapter.describeFailure(error).detail });
      return fallback;
    }
  };
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const j = client.value;
  const [priorities, statuses, projects, groups] = await Promise.all([
    read('priorities', async () => (await j.readPriorities()).map((p) => ({ id: text(p.id), name: text(p.name) })), []),
    read(
      'statuses',
      async () =>
        (await j.readStatuses()).map((s) => ({
          id: text(s.id),
          name: text(s.name),
          category: text(s.statusCategory?.key) || 'indeterminate',
        })),
      [],
    ),
    read(
      'projects',
      async () => ((await j.readProjects()).values ?? []).map((p) => ({ id: text(p.id), key: text(p.key), name: text(p.name) })),
      [],
    ),
    read('groups', async () => ((await j.readGroups()).groups ?? []).map((g) => ({ groupId: text(g.groupId), name: text(g.name) })), []),
  ]);
  // Roles come from a listed project (the list is the same for every project); no project listed, no roles.
  const first = projects[0]?.key;
  const roles = first ? await read('roles', () => j.projectRoles(first), []) : [];
  return { site: { priorities, statuses, projects, roles, groups }, siteProblems };
}

/** The policy the installation uploaded (PUT /api/v1/installations/:key/policy), parsed; null when none (or it no longer parses). */
async function uploadedPolicy(env: Env, installationKey: string): Promise<Policy | null> {
  const stored = await getInstallationPolicy(env.DB, installationKey);
  if (!stored) return null;
  const found = await findInstallationPolicy(env, installationKey, stored.policyId);
  return found.ok ? found.value : null;
}

/** Policy ids the settings name that the installation cannot use, as problems by path. */
async function unknownPolicies(env: Env, installationKey: string, settings: JiraSettings): Promise<Problem[]> {
  const named: [string, string][] = [];
  if (settings.policy) named.push(['policy', settings.policy]);
  for (const [project, own] of Object.entries(settings.projects ?? {}))
    if (own.policy) named.push([`projects.${project}.policy`, own.policy]);
  const problems: Problem[] = [];
  for (const [path, id] of named) {
    const found = await findInstallationPolicy(env, installationKey, id);
    if (!found.ok) problems.push({ path, message: found.issue.detail });
  }
  return problems;
}

/**
 * Forge Remote endpoints (the manifest's `endpoint` routes): product events, the hourly system-token refresh, and the UI
 * Kit frontend's invokeRemote calls (the issue panel, the admin page).
 */
export const jiraForgeRoutes = new Hono<ForgeEnv>()
  // Events take the generic webhook path; the adapter's verify checks the invocation token and keeps the system token.
  .post('/events', limitBody, (c) => receiveDelivery(c as unknown as Context<{ Bindings: Env }>, jiraAdapter))
  .use('*', requireForgeInvocation)
  .post('/token', (c) => {
    if (!c.req.header('x-forge-oauth-system'))
      return problem(c, 400, { code: 'missing-token', detail: 'x-forge-oauth-system is missing (enable appSystemToken on the endpoint)' });
    if (!c.get('freshToken'))
      return problem(c, 503, { code: 'misconfigured', detail: 'CREDENTIALS_KEY is not configured, so the system token cannot be kept' });
    return c.body(null, 204);
  })
  .get('/issues/:issueId', async (c) => {
    const issueId = c.req.param('issueId');
    if (!/^\d{1,20}$/.test(issueId))
      return problem(c, 400, { code: 'invalid-id', detail: 'the issue id must be a Jira issue id (digits)' });
    const installation = c.get('installation');
    const ticket = await getTicket(c.env.DB, `${installation.key}:${issueId}`);
    if (!ticket?.evaluation || ticket.installationKey !== installation.key)
      return problem(c, 404, { code: 'not-seen', detail: `Plazo has not evaluated issue ${issueId} yet` });
    const found = await findInstallationPolicy(c.env, installation.key, ticket.policyId ?? '');
    if (!found.ok) return problem(c, 503, { code: 'misconfigured', detail: `the issue's policy "${ticket.policyId}" is not available` });
    const policy = found.value;
    const settings = jiraSettingsForScope(settingsOf(installation.settings), ticket.scope);
    const priority = ticket.evaluation.priority;
    const resolution = ticket.evaluation.sla.resolution;
    return c.json({
      ticket: { key: ticket.key, status: ticket.status },
      evaluation: ticket.evaluation,
      policy: { id: policy.id, name: policy.name, locale: policy.locale, zone: policy.calendar?.zone ?? null },
      hostPriority: priority ? (jiraPriorityMap(policy, settings).get(priority) ?? null) : null,
      due: { resolution: resolution ? resolution.dueAt.slice(0, 10) : null },
    });
  })
  .get('/config', async (c) => {
    const builtIns = [...(await builtInPolicies(c.env.ASSETS)).values()];
    const uploaded = await uploadedPolicy(c.env, c.get('installation').key);
    const listed = uploaded && !builtIns.some((p) => p.id === uploaded.id) ? [...builtIns, uploaded] : builtIns;
    const policies = listed.map((p) => ({
      id: p.id,
      name: p.name,
      priorities: p.priorities.map((q) => ({ id: q.id, name: q.labels[p.locale] })),
    }));
    const { site, siteProblems } = await siteLists(c);
    return c.json({
      settings: settingsOf(c.get('installation').settings),
      policies,
      site,
      ...(siteProblems.length > 0 ? { siteProblems } : {}),
    });
  })
  .put('/config', limitBody, async (c) => {
    const installation = c.get('installation');
    const from = c.get('uiModule');
    if (from !== ADMIN_PAGE)
      return problem(c, 403, {
        code: 'forbidden',
        detail: `settings are changed from Plazo's Jira admin page (${ADMIN_PAGE}, Jira admins only); this call is from ${from ?? 'no UI'}`,
      });
    const json = readJsonBody(new Uint8Array(await c.req.arrayBuffer()));
    if (!json.ok) return problem(c, 400, json.issue);
    const parsed = parseJiraSettings(json.value);
    if (!parsed.ok) return problem(c, 400, parsed.issue);
    const problems = await unknownPolicies(c.env, installation.key, parsed.value);
    if (problems.length > 0)
      return problem(c, 400, { code: 'invalid-config', detail: problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems });
    await setInstallationSettings(c.env.DB, installation.key, parsed.value, Date.now());
    return c.json({ settings: parsed.value });
  });
