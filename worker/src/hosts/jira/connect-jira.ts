import { fail, ok, type Result } from '@plazo/core';
import { readApiToken } from '../../secrets/read-api-token.js';
import type { HostContext, HostSession, StoredInstallation } from '../host-adapter.js';
import { readSystemToken } from './forge-system-token.js';
import { createJiraClient, type JiraClient } from './jira-client.js';
import type { JiraConfig } from './jira-config.js';
import type { JiraState } from './jira-facts.js';
import { jiraSession } from './jira-session.js';
import { parseJiraSettings } from './jira-settings.js';
import { SLA_PROPERTY_KEY } from './jira-sla-property.js';
import type { JiraChange } from './plan-jira-changes.js';
import { DEV_INSTALLATION } from './verify-jira-delivery.js';

const isForge = (installation: StoredInstallation) => installation.key.startsWith('jira:ari:');

/** An admin-webhook site's REST base: https://<site>, or a template with "{site}" (tests, proxies). */
export const jiraSiteUrl = (template: string, site: string) => template.replace('{site}', encodeURIComponent(site)).replace(/\/+$/, '');

/**
 * A jira.js client for the installation: a Forge installation calls app.apiBaseUrl with its newest system token while it is
 * valid; a site set up for admin webhooks calls its site URL with the API e-mail and token it stored. The development
 * installation never has credentials: its deliveries are dry runs.
 */
export async function jiraClientFor(
  installation: StoredInstallation,
  ctx: HostContext<JiraConfig>,
  nowMs: number,
): Promise<Result<JiraClient, 'missing-credentials'>> {
  const common = { timeoutMs: ctx.limits.timeoutMs, propertyKey: SLA_PROPERTY_KEY };
  if (installation.key === DEV_INSTALLATION) return fail('missing-credentials', 'the development installation is always a dry run');
  if (isForge(installation)) {
    const system = await readSystemToken(ctx.db, ctx.config.credentialsKey, installation.key, nowMs);
    if (!system)
      return fail(
        'missing-credentials',
        'no valid Forge system token (the next event or the hourly trigger brings one; is CREDENTIALS_KEY set?)',
      );
    return ok(createJiraClient({ ...common, baseUrl: system.apiBaseUrl, credentials: { kind: 'system-token', token: system.token } }));
  }
  const credentials = await readApiToken(ctx.db, ctx.config.credentialsKey, installation.key, '/api/v1/jira/setup');
  if (!credentials.ok) return credentials;
  const { email, token } = credentials.value;
  const site = installation.key.slice('jira:'.length);
  return ok(
    createJiraClient({ ...common, baseUrl: jiraSiteUrl(ctx.config.siteUrl, site), credentials: { kind: 'api-token', email, token } }),
  );
}

export async function connectJira(
  installation: StoredInstallation,
  ctx: HostContext<JiraConfig>,
): Promise<Result<HostSession<JiraState, JiraChange>, 'missing-credentials'>> {
  const client = await jiraClientFor(installation, ctx, Date.now());
  const settings = parseJiraSettings(installation.settings);
  return client.ok ? ok(jiraSession(client.value, ctx.db, settings.ok ? settings.value : {})) : client;
}
