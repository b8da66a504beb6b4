import { fail, ok, type Result } from '@plazo/core';

/**
 * How far a delivery's signed timestamp may be from now, either way: a captured delivery replayed later is refused, and
 * a replay inside the window is stored once (deliveries are keyed by the event id). Zendesk signs each attempt afresh.
 */
export const ZENDESK_REPLAY_WINDOW_MS = 5 * 60_000;

/** Zendesk writes the timestamp as an ISO instant ("2021-07-25T10:00:00Z"). */
const timestampFormat = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
const base64Format = /^[A-Za-z0-9+/]{43}=$/;

const utf8 = new TextEncoder();

export type ZendeskSignatureIssue = 'missing-signature' | 'bad-signature' | 'stale-signature';

function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** The bytes Zendesk signs: the timestamp header's text, then the raw body. */
function signedBytes(timestamp: string, body: Uint8Array): Uint8Array {
  const head = utf8.encode(timestamp);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  return bytes;
}

/**
 * base64(HMAC-SHA256(secret, timestamp + body)) checked by WebCrypto in constant time against each secret (one of an
 * installation's, or the development secret); then the timestamp must be inside the replay window.
 */
export async function verifyZendeskSignature(
  headers: Headers,
  body: Uint8Array,
  secrets: readonly string[],
  nowMs: number,
): Promise<Result<{ signedAt: string; secretIndex: number }, ZendeskSignatureIssue>> {
  const signature = headers.get('x-zendesk-webhook-signature');
  const timestamp = headers.get('x-zendesk-webhook-signature-timestamp');
  if (!signature) return fail('missing-signature', 'X-Zendesk-Webhook-Signature is missing');
  if (!timestamp) return fail('missing-signature', 'X-Zendesk-Webhook-Signature-Timestamp is missing');
  if (secrets.length === 0) return fail('bad-signature', 'no webhook signing secret is configured for this account');
  if (!base64Format.test(signature)) return fail('bad-signature', 'X-Zendesk-Webhook-Signature is not a base64 SHA-256 digest');
  const signedAt = timestampFormat.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(signedAt)) return fail('bad-signature', 'X-Zendesk-Webhook-Signature-Timestamp is not an ISO 8601 instant');
  const mac = decodeBase64(signature);
  const data = signedBytes(timestamp, body);
  let secretIndex = -1;
  for (const [i, secret] of secrets.entries()) {
    const key = await crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    if (await crypto.subtle.verify('HMAC', key, mac, data)) {
      secretIndex = i;
      break;
    }
  }
  if (secretIndex < 0) return fail('bad-signature', 'X-Zendesk-Webhook-Signature does not match the timestamp and body');
  // Checked after the signature, so an unsigned request learns nothing about the window.
  if (Math.abs(nowMs - signedAt) > ZENDESK_REPLAY_WINDOW_MS)
    return fail(
      'stale-signature',
      `the signature's timestamp ${timestamp} is more than 5 minutes from now; the delivery is refused as a replay`,
    );
  return ok({ signedAt: timestamp, secretIndex });
}
