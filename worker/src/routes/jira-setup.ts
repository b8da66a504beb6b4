import { Hono } from 'hono/tiny';
import * as z from 'zod';
import type { Env } from '../env.js';
import { readJiraConfig } from '../hosts/jira/jira-config.js';
import { parseJiraSettings } from '../hosts/jira/jira-settings.js';
import { limitBody } from '../http/body-limit.js';
import { type InstallationVariables, requireInstallation } from '../http/installation-auth.js';
import { problem } from '../http/problem.js';
import { readRequest } from '../http/read-request.js';
import { findInstallationPolicy } from '../policies/find-installation-policy.js';
import { apiTokenSetupShape, apiTokenSetupState, apiTokenSetupStatements } from '../store/api-token-setup.js';

const setupSchema = z.strictObject({ ...apiTokenSetupShape, settings: z.unknown().optional() });

/**
 * Sites without the Forge app (admin webhooks): POST /api/v1/installations {host: "jira", site} creates the installation and
 * its token; this step stores the webhook secret, the API e-mail and token (sealed) and the settings, all or nothing.
 */
export const jiraSetupRoutes = new Hono<{ Bindings: Env; Variables: InstallationVariables }>()
  .use('*', requireInstallation('jira'))
  .get('/setup', async (c) => c.json(await apiTokenSetupState(c.env.DB, c.get('installation').key)))
  .post('/setup', limitBody, async (c) => {
    const installation = c.get('installation');
    const request = readRequest(new Uint8Array(await c.req.arrayBuffer()), setupSchema);
    if (!request.ok) return problem(c, 400, request.issue);
    const body = request.value;
    const settings = body.settings === undefined ? null : parseJiraSettings(body.settings);
    if (settings && !settings.ok) return problem(c, 400, settings.issue);
    if (settings?.ok && settings.value.policy !== undefined) {
      const policy = await findInstallationPolicy(c.env, installation.key, settings.value.policy);
      if (!policy.ok) return problem(c, 400, { ...policy.issue, problems: [{ path: 'settings.policy', message: policy.issue.detail }] });
    }
    const statements = await apiTokenSetupStatements(
      c.env.DB,
      readJiraConfig(c.env).credentialsKey,
      installation.key,
      body,
      settings?.ok ? settings.value : undefined,
      Date.now(),
    );
    if (!statements.ok) return problem(c, 503, statements.issue);
    // Secrets and settings land together or not at all.
    if (statements.value.length > 0) await c.env.DB.batch(statements.value);
    return c.json(await apiTokenSetupState(c.env.DB, installation.key));
  });
