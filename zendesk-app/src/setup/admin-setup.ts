import type { ZafClient } from '../zaf-client.js';
import { readPolicyDocument } from './setup-policy-document.js';
import { setupSettings } from './setup-settings.js';

/** GET/POST {plazoUrl}/api/v1/zendesk/setup, as the contract fixes them. */
export type SetupState = { ready: boolean; missing: string[]; dryRun?: boolean };

export const WEBHOOK_NAME = 'Plazo: ticket activity';
export const FIELD_TITLES = { firstResponseDue: 'Plazo: first response due', resolutionDue: 'Plazo: resolution due' } as const;

function workerRequest<T>(client: ZafClient, plazoUrl: string, type: 'GET' | 'POST', body?: unknown): Promise<T> {
  return client.request<T>({
    url: `${plazoUrl.replace(/\/+$/, '')}/api/v1/zendesk/setup`,
    type,
    secure: true,
    headers: { Authorization: 'Bearer {{setting.plazoToken}}' },
    contentType: 'application/json',
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
}

/** Zendesk's own API, as the signed-in admin (no secure setting involved). */
function zendeskGet<T>(client: ZafClient, url: string): Promise<T> {
  return client.request<T>({ url, type: 'GET', secure: false, headers: {}, contentType: 'application/json' });
}

export function readSetup(client: ZafClient, plazoUrl: string): Promise<SetupState> {
  return workerRequest<SetupState>(client, plazoUrl, 'GET');
}

/**
 * The one guided step requirements.json cannot do: point the webhook at this installation's Worker, read the signing secret
 * Zendesk made for it and the ids of the ticket fields it created, and send them with the admin's API credentials and the app's settings to the Worker,
 * which stores them encrypted and never returns them. A pasted policy (JSON text) is sent as `policyDocument`.
 */
export async function completeSetup(
  client: ZafClient,
  plazoUrl: string,
  subdomain: string,
  input: { apiEmail: string; apiToken: string; policyText?: string },
  policyPauseStatuses: readonly string[],
): Promise<{ ok: true; value: SetupState } | { ok: false; problem: string }> {
  const { policyText = '', ...credentials } = input;
  const [meta, hooks, ticketFields] = await Promise.all([
    client.metadata(),
    zendeskGet<{ webhooks?: { id: string; name: string; endpoint?: string }[] }>(
      client,
      `/api/v2/webhooks?filter[name_contains]=${encodeURIComponent('Plazo')}`,
    ),
    zendeskGet<{ ticket_fields?: { id: number; title: string }[] }>(client, '/api/v2/ticket_fields.json'),
  ]);
  const webhook = hooks.webhooks?.find((w) => w.name === WEBHOOK_NAME);
  if (!webhook) return { ok: false, problem: `the webhook "${WEBHOOK_NAME}" the app creates at install is missing; reinstall the app` };
  const secret = await zendeskGet<{ signing_secret?: { secret?: string } }>(client, `/api/v2/webhooks/${webhook.id}/signing_secret`);
  const webhookSigningSecret = secret.signing_secret?.secret;
  if (!webhookSigningSecret) return { ok: false, problem: `Zendesk gave no signing secret for the webhook "${WEBHOOK_NAME}"` };
  // The Worker knows whose delivery it is from the URL (?subdomain=), and the Worker's URL is this installation's own:
  // requirements.json can name neither, so the webhook is pointed there now.
  const endpoint = `${plazoUrl.replace(/\/+$/, '')}/webhooks/zendesk?subdomain=${encodeURIComponent(subdomain)}`;
  if (webhook.endpoint !== endpoint)
    await client.request({
      url: `/api/v2/webhooks/${webhook.id}`,
      type: 'PATCH',
      secure: false,
      headers: {},
      contentType: 'application/json',
      data: JSON.stringify({ webhook: { endpoint } }),
    });
  const idOf = (title: string) => ticketFields.ticket_fields?.find((f) => f.title === title)?.id;
  const settings = setupSettings(meta.settings, policyPauseStatuses, {
    firstResponseDue: idOf(FIELD_TITLES.firstResponseDue),
    resolutionDue: idOf(FIELD_TITLES.resolutionDue),
  });
  if (!settings.ok) return settings;
  const policyDocument = readPolicyDocument(policyText, meta.settings.policy);
  if (!policyDocument.ok) return policyDocument;
  const body = {
    webhookSigningSecret,
    ...credentials,
    settings: settings.value,
    ...(policyDocument.value === undefined ? {} : { policyDocument: policyDocument.value }),
  };
  return { ok: true, value: await workerRequest<SetupState>(client, plazoUrl, 'POST', body) };
}
