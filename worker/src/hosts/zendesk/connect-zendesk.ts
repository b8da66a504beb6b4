import { ok, type Result } from '@plazo/core';
import { readApiToken } from '../../secrets/read-api-token.js';
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
  const credentials = await readApiToken(ctx.db, ctx.config.credentialsKey, installation.key, '/api/v1/zendesk/setup');
  if (!credentials.ok) return credentials;
  const { email, token } = credentials.value;
  const subdomain = installation.key.slice('zendesk:'.length);
  const client = createZendeskClient({
    baseUrl: zendeskBaseUrl(ctx.config.apiUrl, subdomain),
    credentials: { kind: 'api-token', email, token },
    timeoutMs: ctx.limits.timeoutMs,
  });
  return ok(zendeskSession(client));
}
