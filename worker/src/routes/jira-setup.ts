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
import { importCredentialsKey } from '../secrets/seal-secret.js';
import { putInstallationSecret, type SecretName, storedSecretNames } from '../store/installation-secrets.js';

const secret = z.string().min(1).max(500);
const setupSchema = z.strictObject({
  /** The secret the admin gave the webhook in Jira (System › WebHooks); it signs X-Hub-Signature. */
  webhookSigningSecret: secret.optional(),
  /** The Atlassian account and API token Plazo writes back as (basic auth against the site URL). */
  apiEmail: z.email().max(320).optional(),
  apiToken: secret.optional(),
  settings: z.unknown().optional(),
});
const secretFields: readonly [keyof z.infer<typeof setupSchema>, SecretName][] = [
  ['webhookSigningSecret', 'webhook-signing-secret'],
  ['apiEmail', 'api-email'],
  ['apiToken', 'api-token'],
];

async function setupState(db: D1Database, installationKey: string) {
  const stored = new Set(await storedSecretNames(db, installationKey));
  const missing = secretFields.filter(([, name]) => !stored.has(name)).map(([field]) => field);
  return { ready: missing.length === 0, missing };
}

/**
 * Sites without the Forge app (admin webhooks): POST /api/v1/installations {host: "jira", site} creates the installation and
 * its token; this step stores the webhook secret, the API e-mail and token (sealed) and the settings, all or nothing.
 */
export const jiraSetupRoutes = new Hono<{ Bindings: Env; Variables: InstallationVariables }>()
  .use('*', requireInstallation('jira'))
  .get('/setup', async (c) => c.json(await setupState(c.env.DB, c.get('installation').key)))
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
    const given = secretFields.filter(([field]) => typeof body[field] === 'string');
    const key = await importCredentialsKey(readJiraConfig(c.env).credentialsKey);
    if (given.length > 0 && !key.ok) return problem(c, 503, { code: 'misconfigured', detail: key.issue.detail });
    const now = Date.now();
    const statements: D1PreparedStatement[] = [];
    if (key.ok)
      for (const [field, name] of given)
        statements.push(await putInstallationSecret(c.env.DB, key.value, installation.key, name, body[field] as string, now));
    if (settings?.ok)
      statements.push(
        c.env.DB.prepare('UPDATE installations SET settings = ?2, updated_at = ?3 WHERE key = ?1').bind(
          installation.key,
          JSON.stringify(settings.value),
          now,
        ),
      );
    if (statements.length > 0) await c.env.DB.batch(statements);
    return c.json(await setupState(c.env.DB, installation.key));
  });
