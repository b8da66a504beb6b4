import { fail, ok, type Result } from '@plazo/core';
import { importCredentialsKey } from '../../secrets/seal-secret.js';
import { readInstallationSecrets } from '../../store/installation-secrets.js';
import type { HostContext, HostSession, StoredInstallation } from '../host-adapter.js';
import type { ZendeskChange } from './plan-zendesk-changes.js';
import { createZendeskClient, zendeskBaseUrl } from './zendesk-client.js';
import type { ZendeskConfig } from './zendesk-config.js';
import type { ZendeskState } from './zendesk-facts.js';
import { zendeskSession } from './zendesk-session.js';

/** A session with the API e-mail and token the installation stored at setup; without them shared code runs a dry run. */
export async function connectZendesk(
  installation: StoredInstallation,
  ctx: HostContext<ZendeskConfig>,
): Promise<Result<HostSession<ZendeskState, ZendeskChange>, 'missing-credentials'>> {
  const key = await importCredentialsKey(ctx.config.credentialsKey);
  if (!key.ok) return fail('missing-credentials', key.issue.detail);
  const secrets = await readInstallationSecrets(ctx.db, key.value, installation.key);
  const email = secrets['api-email'];
  const token = secrets['api-token'];
  if (!email || !token) {
    const missing = [email ? null : 'apiEmail', token ? null : 'apiToken'].filter(Boolean).join(' and ');
    return fail('missing-credentials', `the installation has no ${missing} (store them with POST /api/v1/zendesk/setup)`);
  }
  const subdomain = installation.key.slice('zendesk:'.length);
  const client = createZendeskClient({
    baseUrl: zendeskBaseUrl(ctx.config.apiUrl, subdomain),
    credentials: { kind: 'api-token', email, token },
    timeoutMs: ctx.limits.timeoutMs,
  });
  return ok(zendeskSession(client));
}
