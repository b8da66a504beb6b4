import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import worker from '../../worker/src/index.js';
import { FuzzAnswers } from './support/fuzz-answers.js';
import { mutatePayload, payloadPaths } from './support/mutate-payload.js';
import { type Account, type FixtureName, setUp, uniqueAccount, zendeskEvent, zendeskTime } from './support/zendesk-support.js';

const names: FixtureName[] = ['created', 'commentAdded', 'statusChanged', 'priorityChanged', 'tagsChanged', 'merged', 'softDeleted'];

async function sign(secret: string, timestamp: string, body: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const data = new Uint8Array([...new TextEncoder().encode(timestamp), ...body]);
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, data))));
}

const odd = fc.oneof(
  fc.constantFrom(null, '', 0, -1, 1.5, true, [], {}, 'OPEN', 'open', 'urgent', 'zen:ticket:', '9'.repeat(40), 'x'.repeat(300)),
  fc.string(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('Zendesk webhook fuzz', () => {
  let account: Account;
  beforeAll(async () => {
    account = uniqueAccount();
    // No API credentials: accepted deliveries are written back as dry runs, so the fuzz calls no host.
    await setUp(account, { credentials: false });
  });

  it('never answers 500 over 1,200 mutated, correctly signed deliveries (and some mis-signed or stale ones)', async () => {
    const samples = fc.sample(fc.tuple(fc.nat(), fc.nat(), odd, fc.boolean(), fc.string({ unit: 'binary', maxLength: 60 })), {
      numRuns: 1200,
      seed: 20261206,
    });
    const answers = new FuzzAnswers();
    const send = async ([a, b, replacement, remove, junk]: (typeof samples)[number], i: number) => {
      const payload = zendeskEvent(names[a % names.length]!, account, 100_000 + (b % 500));
      let body: string;
      let expectSigned = true;
      if (i % 10 === 9) body = junk;
      else {
        const all = payloadPaths(payload);
        mutatePayload(payload, all[b % all.length]!, replacement, remove);
        body = JSON.stringify(payload);
      }
      const bytes = new TextEncoder().encode(body);
      let timestamp = zendeskTime();
      let secret = account.webhookSecret;
      if (i % 25 === 7) {
        secret = 'another-installations-secret';
        expectSigned = false;
      }
      if (i % 25 === 13) {
        // Signed correctly, six minutes ago: outside the replay window.
        timestamp = zendeskTime(6 * 60_000);
        expectSigned = false;
      }
      const res = await worker.fetch(
        new Request(`http://plazo.test/webhooks/zendesk?subdomain=${account.subdomain}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-zendesk-account-id': account.accountId,
            'x-zendesk-webhook-signature': await sign(secret, timestamp, bytes),
            'x-zendesk-webhook-signature-timestamp': timestamp,
          },
          body: bytes,
        }),
        env,
        createExecutionContext(),
      );
      await answers.check(res, expectSigned, String(i));
    };
    for (let i = 0; i < samples.length; i += 25) await Promise.all(samples.slice(i, i + 25).map((s, j) => send(s, i + j)));
    answers.expectSpread('zendesk fuzz');
  });
});
