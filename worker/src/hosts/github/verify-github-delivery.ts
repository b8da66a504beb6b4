import { verifyWithFallback } from '@octokit/webhooks-methods';
import { fail, ok, type Result } from '@plazo/core';
import type { Settings } from '../../env.js';
import type { DeliveryMeta, RawDelivery } from '../host-adapter.js';

const signatureFormat = /^sha256=[0-9a-f]{64}$/;
const deliveryFormat = /^[A-Za-z0-9-]{1,100}$/;
const eventFormat = /^[a-z_]{1,64}$/;

/** HMAC-SHA256 of the raw body first (current or previous secret, for rotation), then the delivery headers; nothing is parsed before. */
export async function verifyGitHubDelivery(
  delivery: RawDelivery,
  settings: Settings,
): Promise<Result<DeliveryMeta, 'missing-signature' | 'bad-signature' | 'bad-headers'>> {
  const signature = delivery.headers.get('x-hub-signature-256');
  if (!signature) return fail('missing-signature', 'X-Hub-Signature-256 is missing');
  const [secret, ...previous] = settings.githubWebhookSecrets;
  // Without a secret nothing can be verified, so nothing is accepted.
  if (!secret) return fail('bad-signature', 'the webhook secret is not configured');
  if (!signatureFormat.test(signature) || delivery.body === '' || !(await verifyWithFallback(secret, delivery.body, signature, previous))) {
    return fail('bad-signature', 'X-Hub-Signature-256 does not match the body');
  }
  const id = delivery.headers.get('x-github-delivery') ?? '';
  const event = delivery.headers.get('x-github-event') ?? '';
  if (!deliveryFormat.test(id)) return fail('bad-headers', 'X-GitHub-Delivery is missing or malformed');
  if (!eventFormat.test(event)) return fail('bad-headers', 'X-GitHub-Event is missing or malformed');
  return ok({ id, event });
}
