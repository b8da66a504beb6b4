import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/src/index.js';
import { FuzzAnswers } from './support/fuzz-answers.js';
import { adminWebhook, DEV_SECRET, forgeEvent, hubSignature, jiraTime, signFit, uniqueForge, uniqueSite } from './support/jira-support.js';
import { mutatePayload, payloadPaths } from './support/mutate-payload.js';

const odd = fc.oneof(
  fc.constantFrom(null, '', 0, -1, 1.5, true, [], {}, 'done', 'SUP-1', '2021-01-20T15:58:12.797+1100', '9'.repeat(40), 'x'.repeat(300)),
  fc.string(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

const comment = { id: '31337', author: { accountId: '712020:agent' }, body: 'Estamos en ello', created: jiraTime(), updated: jiraTime() };
const changelog = {
  id: '501',
  items: [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: '3', fromString: 'Medium', to: '1', toString: 'Highest' }],
};

describe('Jira delivery fuzz, both entry paths', () => {
  it('never answers 500 over 1,200 mutated deliveries (admin webhooks and Forge events, some mis-signed, expired or foreign)', async () => {
    const site = uniqueSite();
    // No system token for this installation: accepted Forge events are written back as dry runs, so the fuzz calls no host.
    const forge = uniqueForge();
    const good = await signFit(forge);
    const expired = await signFit(forge, { expiresIn: -30 });
    const foreign = await signFit(forge, { audience: 'ari:cloud:ecosystem::app/11111111-1111-1111-1111-111111111111' });
    const samples = fc.sample(fc.tuple(fc.nat(), fc.nat(), odd, fc.boolean(), fc.string({ unit: 'binary', maxLength: 60 })), {
      numRuns: 1200,
      seed: 20261207,
    });
    const answers = new FuzzAnswers();
    // Unmutated, every kind is accepted: the 400s below come from the mutations.
    const post = async (url: string, headers: Record<string, string>, bytes: Uint8Array) =>
      worker.fetch(
        new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: bytes }),
        env,
        createExecutionContext(),
      );
    for (const [k, p] of [
      forgeEvent('created', 1),
      forgeEvent('updated', 1, { changelog }),
      forgeEvent('commented', 1, { comment }),
      forgeEvent('deleted', 1),
    ].entries()) {
      const res = await post(
        'http://plazo.test/forge/jira/events',
        { authorization: `Bearer ${good}` },
        new TextEncoder().encode(JSON.stringify(p)),
      );
      expect(res.status, `forge ${k}: ${await res.clone().text()}`).toBe(202);
    }
    for (const p of [
      adminWebhook('jira:issue_created', site, 1),
      adminWebhook('jira:issue_updated', site, 1, { changelog, comment }),
      adminWebhook('comment_created', site, 1, { comment }),
      adminWebhook('jira:issue_deleted', site, 1),
    ]) {
      const bytes = new TextEncoder().encode(JSON.stringify(p));
      const headers = { 'x-hub-signature': await hubSignature(DEV_SECRET, bytes), 'x-atlassian-webhook-identifier': crypto.randomUUID() };
      const res = await post('http://plazo.test/webhooks/jira', headers, bytes);
      expect(res.status, `${p.webhookEvent}: ${await res.clone().text()}`).toBe(202);
    }
    const send = async ([a, b, replacement, remove, junk]: (typeof samples)[number], i: number) => {
      const forgePath = i % 2 === 0;
      const id = 300_000 + (b % 400);
      // A copy: the shared comment and changelog must not carry one sample's mutation into the next.
      const payload: Record<string, any> = structuredClone(
        forgePath
          ? [
              () => forgeEvent('created', id),
              () => forgeEvent('updated', id, { changelog }),
              () => forgeEvent('commented', id, { comment }),
              () => forgeEvent('deleted', id),
            ][a % 4]!()
          : [
              () => adminWebhook('jira:issue_created', site, id),
              () => adminWebhook('jira:issue_updated', site, id, { changelog, comment }),
              () => adminWebhook('comment_created', site, id, { comment }),
              () => adminWebhook('jira:issue_deleted', site, id),
            ][a % 4]!(),
      );
      let body: string;
      if (i % 10 === 9) body = junk;
      else {
        const all = payloadPaths(payload);
        mutatePayload(payload, all[b % all.length]!, replacement, remove);
        body = JSON.stringify(payload);
      }
      const bytes = new TextEncoder().encode(body);
      let expectSigned = true;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (forgePath) {
        headers.authorization = `Bearer ${i % 25 === 8 ? expired : i % 25 === 14 ? foreign : good}`;
        expectSigned = i % 25 !== 8 && i % 25 !== 14;
      } else {
        const secret = i % 25 === 7 ? 'another-sites-secret' : DEV_SECRET;
        expectSigned = i % 25 !== 7;
        headers['x-hub-signature'] = await hubSignature(secret, bytes);
        headers['x-atlassian-webhook-identifier'] = i % 50 === 11 ? 'not an id!' : crypto.randomUUID();
      }
      const url = forgePath ? 'http://plazo.test/forge/jira/events' : 'http://plazo.test/webhooks/jira';
      const res = await worker.fetch(new Request(url, { method: 'POST', headers, body: bytes }), env, createExecutionContext());
      await answers.check(res, expectSigned, String(i));
    };
    for (let i = 0; i < samples.length; i += 25) await Promise.all(samples.slice(i, i + 25).map((s, j) => send(s, i + j)));
    answers.expectSpread('jira fuzz');
  });
});
