import { fail, ok, type Result } from '@plazo/core';
import { readJsonBody } from '../../http/read-json-body.js';
import { importCredentialsKey } from '../../secrets/seal-secret.js';
import { boundAccount, readInstallationSecrets } from '../../store/installation-secrets.js';
import type { DeliveryMeta, HostContext, RawDelivery, VerifyIssue } from '../host-adapter.js';
import { verifyZendeskSignature } from './verify-zendesk-signature.js';
import type { ZendeskConfig } from './zendesk-config.js';
import { zendeskIdSchema } from './zendesk-payloads.js';

/** Where deliveries signed with the development secret (no `?subdomain=`) go. */
export const DEV_INSTALLATION = 'zendesk:dev';

const accountFormat = /^\d{1,20}$/;
const subdomainFormat = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The delivery id carries the installation's subdomain: ids are unique per installation, and parse knows whose it is. */
export const zendeskDeliveryId = (installationKey: string, eventId: string) => `${installationKey.slice('zendesk:'.length)}:${eventId}`;
export const subdomainOfDeliveryId = (id: string) => id.slice(0, Math.max(0, id.indexOf(':')));

/**
 * The installation a delivery is addressed to and the one secret that may have signed it: the webhook URL names the
 * installation (`/webhooks/zendesk?subdomain=acme`), so no installation's secret is ever tried on another's deliveries.
 */
async function signerOf(
  url: string,
  ctx: HostContext<ZendeskConfig>,
): Promise<Result<{ installationKey: string; secret: string | null }, 'bad-headers'>> {
  const subdomain = new URL(url).searchParams.get('subdomain');
  if (subdomain === null) return ok({ installationKey: DEV_INSTALLATION, secret: ctx.config.devWebhookSecret ?? null });
  if (!subdomainFormat.test(subdomain)) return fail('bad-headers', 'the webhook URL\'s "subdomain" is not a Zendesk subdomain');
  const installationKey = `zendesk:${subdomain}`;
  const key = await importCredentialsKey(ctx.config.credentialsKey);
  const secret = key.ok ? ((await readInstallationSecrets(ctx.db, key.value, installationKey))['webhook-signing-secret'] ?? null) : null;
  return ok({ installationKey, secret });
}

/**
 * Checks the signature with the addressed installation's secret (and the replay window), then reads the event's id and type
 * from the body, whose account must be the X-Zendesk-Account-Id header's and the one the installation's deliveries come from.
 */
export async function verifyZendeskDelivery(
  delivery: RawDelivery,
  ctx: HostContext<ZendeskConfig>,
): Promise<Result<DeliveryMeta, VerifyIssue>> {
  if (!delivery.headers.get('x-zendesk-webhook-signature')) return fail('missing-signature', 'X-Zendesk-Webhook-Signature is missing');
  const signer = await signerOf(delivery.url, ctx);
  if (!signer.ok) return signer;
  const { installationKey, secret } = signer.value;
  const verified = await verifyZendeskSignature(delivery.headers, delivery.body, secret === null ? [] : [secret], Date.now());
  if (!verified.ok) return verified;

  const accountId = delivery.headers.get('x-zendesk-account-id') ?? '';
  if (!accountFormat.test(accountId)) return fail('bad-headers', 'X-Zendesk-Account-Id is missing or not an account id');
  const json = readJsonBody(delivery.body);
  const envelope = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as Record<string, unknown>) : null;
  const id = typeof envelope?.id === 'string' && /^[A-Za-z0-9-]{1,100}$/.test(envelope.id) ? envelope.id : null;
  const type = typeof envelope?.type === 'string' && envelope.type.length <= 100 ? envelope.type : null;
  if (!id || !type) return fail('bad-headers', 'the body has no event "id" and "type" (is it a Zendesk event webhook?)');
  const bodyAccount = zendeskIdSchema.safeParse(envelope?.account_id);
  if (!bodyAccount.success || bodyAccount.data !== accountId)
    return fail('bad-headers', "the body's account_id is not the X-Zendesk-Account-Id header's");
  // The development installation takes any account, so local deliveries may name whatever account they like.
  const bound = installationKey === DEV_INSTALLATION ? accountId : await boundAccount(ctx.db, installationKey, accountId, Date.now());
  if (bound !== accountId)
    return fail('bad-headers', `this installation receives deliveries from Zendesk account ${bound}, not ${accountId}`);
  return ok({ id: zendeskDeliveryId(installationKey, id), event: type });
}
