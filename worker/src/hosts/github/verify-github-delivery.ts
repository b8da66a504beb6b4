import { fail, ok, type Result } from '@plazo/core';
import type { DeliveryMeta, HostContext, RawDelivery, VerifyIssue } from '../host-adapter.js';
import type { GitHubConfig } from './github-config.js';

const signatureFormat = /^sha256=([0-9a-f]{64})$/;
const deliveryFormat = /^[A-Za-z0-9-]{1,100}$/;
const eventFormat = /^[a-z_]{1,64}$/;

const utf8 = new TextEncoder();

/** The 32 bytes a well-formed "sha256=<64 hex digits>" header stands for. */
function macBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

/** WebCrypto checks the HMAC-SHA256 over the exact bytes and compares in constant time; any of the secrets may have signed. */
async function signedByAny(secrets: readonly string[], body: Uint8Array, mac: Uint8Array): Promise<boolean> {
  for (const secret of secrets) {
    const key = await crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    if (await crypto.subtle.verify('HMAC', key, mac, body)) return true;
  }
  return false;
}

/** HMAC-SHA256 of the raw body's bytes first (current or previous secret, for rotation), then the delivery headers; nothing is parsed before. */
export async function verifyGitHubDelivery(
  delivery: RawDelivery,
  { config }: Pick<HostContext<GitHubConfig>, 'config'>,
): Promise<Result<DeliveryMeta, VerifyIssue>> {
  const signature = delivery.headers.get('x-hub-signature-256');
  if (!signature) return fail('missing-signature', 'X-Hub-Signature-256 is missing');
  // Without a secret nothing can be verified, so nothing is accepted.
  if (config.webhookSecrets.length === 0) return fail('bad-signature', 'the webhook secret is not configured');
  const hex = signatureFormat.exec(signature)?.[1];
  if (!hex) return fail('bad-signature', 'X-Hub-Signature-256 is not "sha256=" followed by 64 lowercase hex digits');
  if (!(await signedByAny(config.webhookSecrets, delivery.body, macBytes(hex))))
    return fail('bad-signature', 'X-Hub-Signature-256 does not match the body');
  const id = delivery.headers.get('x-github-delivery') ?? '';
  const event = delivery.headers.get('x-github-event') ?? '';
  if (!deliveryFormat.test(id)) return fail('bad-headers', 'X-GitHub-Delivery is missing or malformed');
  if (!eventFormat.test(event)) return fail('bad-headers', 'X-GitHub-Event is missing or malformed');
  return ok({ id, event });
}
