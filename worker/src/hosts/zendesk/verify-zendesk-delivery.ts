import { fail, ok, type Result } from '@plazo/core';
import { readJsonBody } from '../../http/read-json-body.js';
import { importCredentialsKey } from '../../secrets/seal-secret.js';
import {
  bindAccount,
  installationOfAccount,
  readInstallationSecrets,
  unboundInstallationsWithSecret,
} from '../../store/installation-secrets.js';
import type { DeliveryMeta, HostContext, RawDelivery, VerifyIssue } from '../host-adapter.js';
import { verifyZendeskSignature } from './verify-zendesk-signature.js';
import type { ZendeskConfig } from './zendesk-config.js';
import { zendeskIdSchema } from './zendesk-payloads.js';

/** Where deliveries signed with the development secret go. */
export const DEV_INSTALLATION = 'zendesk:dev';

const accountFormat = /^\d{1,20}$/;

/** The delivery id carries the installation's subdomain: ids are unique per installation, and parse knows whose it is. */
export const zendeskDeliveryId = (installationKey: string, eventId: string) => `${installationKey.slice('zendesk:'.length)}:${eventId}`;
export const subdomainOfDeliveryId = (id: string) => id.slice(0, Math.max(0, id.indexOf(':')));

type Candidate = { installationKey: string; secret: string; bound: boolean };

/** The secrets that may have signed a delivery from this account: its installation's, else those of installations not yet bound. */
async function candidates(ctx: HostContext<ZendeskConfig>, accountId: string): Promise<Candidate[]> {
  const list: Candidate[] = [];
  const key = await importCredentialsKey(ctx.config.credentialsKey);
  if (key.ok) {
    const bound = await installationOfAccount(ctx.db, 'zendesk', accountId);
    const keys = bound ? [bound] : await unboundInstallationsWithSecret(ctx.db, 'zendesk');
    for (const installationKey of keys) {
      const secret = (await readInstallationSecrets(ctx.db, key.value, installationKey))['webhook-signing-secret'];
      if (secret) list.push({ installationKey, secret, bound: bound !== null });
    }
  }
  if (ctx.config.devWebhookSecret) list.push({ installationKey: DEV_INSTALLATION, secret: ctx.config.devWebhookSecret, bound: true });
  return list;
}

/**
 * Finds the installation by X-Zendesk-Account-Id, checks the signature with its secret (and the replay window), then reads
 * the event's id and type from the body, which must name the same account. The first verified delivery binds the account.
 */
export async function verifyZendeskDelivery(
  delivery: RawDelivery,
  ctx: HostContext<ZendeskConfig>,
): Promise<Result<DeliveryMeta, VerifyIssue>> {
  const accountId = delivery.headers.get('x-zendesk-account-id') ?? '';
  if (!delivery.headers.get('x-zendesk-webhook-signature')) return fail('missing-signature', 'X-Zendesk-Webhook-Signature is missing');
  if (!accountFormat.test(accountId)) return fail('bad-headers', 'X-Zendesk-Account-Id is missing or not an account id');
  const list = await candidates(ctx, accountId);
  const verified = await verifyZendeskSignature(
    delivery.headers,
    delivery.body,
    list.map((c) => c.secret),
    Date.now(),
  );
  if (!verified.ok) return verified;
  const signer = list[verified.value.secretIndex]!;

  const json = readJsonBody(delivery.body);
  const envelope = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as Record<string, unknown>) : null;
  const id = typeof envelope?.id === 'string' && /^[A-Za-z0-9-]{1,100}$/.test(envelope.id) ? envelope.id : null;
  const type = typeof envelope?.type === 'string' && envelope.type.length <= 100 ? envelope.type : null;
  const bodyAccount = zendeskIdSchema.safeParse(envelope?.account_id);
  if (!id || !type) return fail('bad-headers', 'the body has no event "id" and "type" (is it a Zendesk event webhook?)');
  if (!bodyAccount.success || bodyAccount.data !== accountId)
    return fail('bad-headers', "the body's account_id is not the X-Zendesk-Account-Id header's");
  if (!signer.bound) await bindAccount(ctx.db, 'zendesk', accountId, signer.installationKey, Date.now());
  return ok({ id: zendeskDeliveryId(signer.installationKey, id), event: type });
}
