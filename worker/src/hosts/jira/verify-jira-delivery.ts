import { fail, ok, type Result } from '@plazo/core';
import { readJsonBody } from '../../http/read-json-body.js';
import { importCredentialsKey } from '../../secrets/seal-secret.js';
import { readInstallationSecrets } from '../../store/installation-secrets.js';
import type { DeliveryMeta, HostContext, RawDelivery, VerifyIssue } from '../host-adapter.js';
import { storeSystemToken } from './forge-system-token.js';
import type { JiraConfig } from './jira-config.js';
import { forgeEventId, type JiraSource } from './parse-jira-delivery.js';
import { verifyForgeInvocationToken } from './verify-forge-invocation-token.js';

/** Where deliveries signed with the development secret (no `?site=`) go; always a dry run. */
export const DEV_INSTALLATION = 'jira:dev';
/** The Forge Remote path product events arrive at (the manifest's endpoint route). */
export const FORGE_EVENTS_PATH = '/forge/jira/events';

const siteFormat = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const identifierFormat = /^[A-Za-z0-9-]{1,100}$/;
const signatureFormat = /^sha256=([0-9a-fA-F]{64})$/;
const utf8 = new TextEncoder();

export const forgeInstallationKey = (installationId: string) => `jira:${installationId}`;
export const siteInstallationKey = (site: string) => `jira:${site}`;
/** Forge installation ids are ARIs; a site's installation is named by its host. */
const isForgeKey = (key: string) => key.startsWith('jira:ari:');

/** The delivery id carries the installation, so ids are unique per installation and parse knows whose delivery it is. */
const deliveryId = (installationKey: string, id: string) => `${installationKey}#${id}`;

/** Whose delivery `meta.id` is, as parse needs it. */
export function sourceOfDeliveryId(id: string): JiraSource {
  const installationKey = id.slice(0, Math.max(0, id.indexOf('#')));
  const external = installationKey.slice('jira:'.length);
  if (isForgeKey(installationKey)) return { installationKey, externalId: external, account: null, site: null };
  return { installationKey, externalId: external, account: external, site: installationKey === DEV_INSTALLATION ? null : external };
}

/** The event's name from a verified body: Forge's `eventType` or the admin webhook's `webhookEvent`. */
function eventName(body: unknown, field: 'eventType' | 'webhookEvent'): string | null {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null;
}

/** A Forge Remote event: the invocation token names the installation; its system token is kept for the write-back. */
async function verifyForgeEvent(delivery: RawDelivery, ctx: HostContext<JiraConfig>): Promise<Result<DeliveryMeta, VerifyIssue>> {
  const fit = await verifyForgeInvocationToken(delivery.headers.get('authorization'), {
    appId: ctx.config.forgeAppId,
    jwksUrl: ctx.config.jwksUrl,
    jwksCooldownMs: ctx.config.jwksCooldownMs,
  });
  if (!fit.ok) return fit;
  const installationKey = forgeInstallationKey(fit.value.installationId);
  const json = readJsonBody(delivery.body);
  const name = json.ok ? eventName(json.value, 'eventType') : null;
  const id = json.ok ? forgeEventId(json.value) : null;
  if (!name || !id) return fail('bad-headers', 'the body has no "eventType" and "issue.id" or "worklog.id" (is it a Forge product event?)');
  const systemToken = delivery.headers.get('x-forge-oauth-system');
  if (systemToken)
    await storeSystemToken(ctx.db, ctx.config.credentialsKey, installationKey, systemToken, fit.value.apiBaseUrl, Date.now());
  return ok({ id: deliveryId(installationKey, id), event: name });
}

/** The installation an admin webhook is addressed to (`?site=acme.atlassian.net`) and the one secret that may have signed it. */
async function signerOf(
  url: string,
  ctx: HostContext<JiraConfig>,
): Promise<Result<{ installationKey: string; secret: string | null }, 'bad-headers'>> {
  const site = new URL(url).searchParams.get('site');
  if (site === null) return ok({ installationKey: DEV_INSTALLATION, secret: ctx.config.devWebhookSecret ?? null });
  if (!siteFormat.test(site) || site.length > 253)
    return fail('bad-headers', 'the webhook URL\'s "site" is not a Jira site host such as acme.atlassian.net');
  const installationKey = siteInstallationKey(site);
  const key = await importCredentialsKey(ctx.config.credentialsKey);
  const secret = key.ok ? ((await readInstallationSecrets(ctx.db, key.value, installationKey))['webhook-signing-secret'] ?? null) : null;
  return ok({ installationKey, secret });
}

/** A Jira Cloud admin webhook: X-Hub-Signature (HMAC-SHA256 of the raw body) with the addressed site's secret, before any parsing. */
async function verifyAdminWebhook(delivery: RawDelivery, ctx: HostContext<JiraConfig>): Promise<Result<DeliveryMeta, VerifyIssue>> {
  const signature = delivery.headers.get('x-hub-signature');
  if (!signature) return fail('missing-signature', 'X-Hub-Signature is missing');
  const hex = signatureFormat.exec(signature.trim())?.[1];
  if (!hex) return fail('bad-signature', 'X-Hub-Signature is not "sha256=" followed by 64 hex digits');
  const signer = await signerOf(delivery.url, ctx);
  if (!signer.ok) return signer;
  const { installationKey, secret } = signer.value;
  if (secret === null) return fail('bad-signature', `no webhook secret is set up for ${installationKey}`);
  const mac = Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  // WebCrypto compares in constant time.
  const key = await crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  if (!(await crypto.subtle.verify('HMAC', key, mac, delivery.body)))
    return fail('bad-signature', 'X-Hub-Signature does not match the body');
  const identifier = delivery.headers.get('x-atlassian-webhook-identifier') ?? '';
  if (!identifierFormat.test(identifier)) return fail('bad-headers', 'X-Atlassian-Webhook-Identifier is missing or malformed');
  const json = readJsonBody(delivery.body);
  const name = json.ok ? eventName(json.value, 'webhookEvent') : null;
  if (!name) return fail('bad-headers', 'the body has no "webhookEvent" (is it a Jira admin webhook?)');
  return ok({ id: deliveryId(installationKey, identifier), event: name });
}

/** Forge Remote events (POST /forge/jira/events) carry an invocation token; everything else at /webhooks/jira is an admin webhook. */
export function verifyJiraDelivery(delivery: RawDelivery, ctx: HostContext<JiraConfig>): Promise<Result<DeliveryMeta, VerifyIssue>> {
  return new URL(delivery.url).pathname === FORGE_EVENTS_PATH ? verifyForgeEvent(delivery, ctx) : verifyAdminWebhook(delivery, ctx);
}
