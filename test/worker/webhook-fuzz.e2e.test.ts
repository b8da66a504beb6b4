import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { sign } from '@octokit/webhooks-methods';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GITHUB_MAX_LABELS } from '../../worker/src/hosts/github/github-payloads.js';
import { MAX_BODY_BYTES } from '../../worker/src/http/body-limit.js';
import worker from '../../worker/src/index.js';
import { example, onIssue, recent, uniqueIds, WEBHOOK_SECRET } from './support/github-deliveries.js';
import { rowCounts, settled, ticketKey } from './support/storage.js';

type Case = { name: string; event: string; body: string; signature: string | null | 'valid'; delivery?: string | null };

const handled: [string, string][] = [
  ['issues', 'opened'],
  ['issues', 'edited'],
  ['issues', 'labeled'],
  ['issues', 'reopened'],
  ['issues', 'deleted'],
  ['issue_comment', 'created'],
  ['installation', 'created'],
  ['installation_repositories', 'added'],
];

/** Paths every handled payload needs, each set to something of the wrong type or shape. */
const breakers: ((p: Record<string, any>) => void)[] = [
  (p) => (p.issue ? (p.issue.number = 'one') : (p.installation = 'x')),
  (p) => (p.issue ? (p.issue.id = -5) : (p.installation.id = 0)),
  (p) => (p.issue ? (p.issue.created_at = 'yesterday') : (p.installation = null)),
  (p) => (p.repository ? (p.repository.full_name = 42) : (p.sender = null)),
  (p) => (p.issue ? delete p.issue.user : delete p.installation),
  (p) => (p.issue ? (p.issue.labels = 'bug') : (p.sender = { login: '' })),
  (p) => (p.issue ? (p.issue.state = 'weird') : (p.installation.id = 'abc')),
  (p) => (p.sender = []),
  (p) => (p.issue ? delete p.repository : delete p.sender),
  (p) => (p.comment ? (p.comment.author_association = 7) : p.issue ? (p.issue.updated_at = null) : (p.installation = [])),
  (p) => (p.action = 17),
  (p) => delete p.action,
];

const junkBodies = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    '{',
    '[]',
    'null',
    '42',
    '"issues"',
    '{"action":',
    '{"action":"opened"}',
    '{"action":"opened","issue":{}}',
    '\u0000\u0001',
  ),
  fc.json().filter((j) => !j.trim().startsWith('{') || !j.includes('"action"')),
);

describe('bad webhook input', () => {
  it('never answers 500 and never changes stored data, over 1,200 malformed or mis-signed requests', async () => {
    const valid = JSON.stringify(example('issues', 'opened'));
    const cases: Case[] = [];
    const rng = fc.sample(
      fc.tuple(fc.nat(), fc.nat(), junkBodies, fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 70 })),
      { numRuns: 1200, seed: 20261122 },
    );
    rng.forEach(([a, b, junk, hex], i) => {
      const [event, action] = handled[a % handled.length]!;
      switch (i % 8) {
        case 0: // A real payload signed with another secret.
          cases.push({ name: 'wrong-secret', event, body: JSON.stringify(example(event, action)), signature: `other-secret-${b}` });
          break;
        case 1: // A valid signature, then the body changed.
          cases.push({ name: 'tampered', event, body: valid.replace('Spelling', `Spelling${b}`), signature: 'tampered' });
          break;
        case 2: // Signature header missing or malformed.
          cases.push({
            name: 'bad-header',
            event,
            body: valid,
            signature: [null, `sha1=${hex}`, `sha256=${hex}`, `sha256=${hex.toUpperCase()}`, 'sha256=', hex][b % 6]!,
          });
          break;
        case 3: // Signed, but not a JSON object of the event.
          cases.push({ name: 'junk', event, body: junk, signature: 'valid' });
          break;
        case 4: // Signed real payload with one required field broken.
        case 5: {
          const p = example(event, action);
          breakers[b % breakers.length]!(p);
          cases.push({ name: 'schema', event, body: JSON.stringify(p), signature: 'valid' });
          break;
        }
        case 6: // Signed, but headers GitHub always sends are missing or malformed.
          cases.push({
            name: 'headers',
            event: ['', 'ISSUES', 'issues; drop', 'x'.repeat(70)][b % 4]!,
            body: valid,
            signature: 'valid',
            delivery: [null, '', '../../etc', 'x'.repeat(200)][a % 4]!,
          });
          break;
        default: // Too large: refused before it is read.
          cases.push({
            name: 'too-large',
            event,
            body: b % 3 === 0 ? `{"action":"opened","pad":"${'x'.repeat(1024 * 1024)}"}` : valid,
            signature: b % 3 === 0 ? 'valid' : 'tampered',
          });
      }
    });
    expect(cases.length).toBeGreaterThanOrEqual(1000);

    const before = await rowCounts();
    const statuses = new Map<number, number>();
    const send = async (c: Case) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': c.event };
      if (c.delivery !== null) headers['x-github-delivery'] = c.delivery ?? crypto.randomUUID();
      if (c.signature === 'valid') headers['x-hub-signature-256'] = await sign(WEBHOOK_SECRET, c.body || ' ');
      else if (c.signature === 'tampered') headers['x-hub-signature-256'] = await sign(WEBHOOK_SECRET, `${c.body} `);
      else if (c.signature?.startsWith('other-secret')) headers['x-hub-signature-256'] = await sign(c.signature, c.body);
      else if (c.signature !== null) headers['x-hub-signature-256'] = c.signature;
      // The Worker's own fetch handler, called directly: this pool's service binding slows down with each request.
      const res = await worker.fetch(
        new Request('http://plazo.test/webhooks/github', { method: 'POST', headers, body: c.body }),
        env,
        createExecutionContext(),
      );
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${c.name}: ${text.slice(0, 200)}`).not.toBe(500);
      expect([202, 400, 401, 413], `${c.name}: ${text.slice(0, 200)}`).toContain(res.status);
      const json = JSON.parse(text);
      if (res.status === 202) expect(json.status, c.name).toBe('ignored');
      else expect(json.error.code, c.name).toMatch(/\S/);
    };
    for (let i = 0; i < cases.length; i += 25) await Promise.all(cases.slice(i, i + 25).map(send));

    expect(await rowCounts()).toEqual(before);
    console.log(`fuzz: ${cases.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(statuses.get(401)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(statuses.get(413)).toBeGreaterThan(10);
  });
});

describe('worst webhook input', () => {
  const call = (body: BodyInit, headers: Record<string, string>) =>
    worker.fetch(
      new Request('http://plazo.test/webhooks/github', { method: 'POST', headers, body, duplex: 'half' } as RequestInit),
      env,
      createExecutionContext(),
    );
  const signedHeaders = async (body: string) => ({
    'content-type': 'application/json',
    'x-github-event': 'issues',
    'x-github-delivery': crypto.randomUUID(),
    'x-hub-signature-256': await sign(WEBHOOK_SECRET, body),
  });

  it('refuses the costliest deliveries by name, stores nothing, and keeps serving', async () => {
    const before = await rowCounts();
    // 20,000 labels under 1 MiB (the trial that took the queue 11.8 s and stopped the runtime): GitHub allows 100.
    const labelled = onIssue(example('issues', 'opened'), uniqueIds(), { createdAt: recent() });
    labelled.issue.labels = Array.from({ length: 20_000 }, (_, i) => ({ name: `l${i}` }));
    const labelledBody = JSON.stringify(labelled);
    expect(labelledBody.length).toBeLessThan(MAX_BODY_BYTES);
    const many = await call(labelledBody, await signedHeaders(labelledBody));
    expect(many.status).toBe(400);
    expect(await many.json()).toMatchObject({ error: { code: 'invalid-payload', problems: [{ path: 'issue.labels' }] } });

    // A signed body just over 1 MiB, with its length declared and streamed without one.
    const big = JSON.stringify(
      onIssue(example('issues', 'opened'), uniqueIds(), { createdAt: recent(), body: 'x'.repeat(MAX_BODY_BYTES) }),
    );
    expect((await call(big, await signedHeaders(big))).status).toBe(413);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await call(stream, await signedHeaders(big));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: 'payload-too-large' } });

    expect(await rowCounts()).toEqual(before);
    const ping = JSON.stringify({ zen: 'Non-blocking is better than blocking.', hook_id: 1 });
    expect((await call(ping, { ...(await signedHeaders(ping)), 'x-github-event': 'ping' })).status).toBe(202);
  });

  it('stores and writes back the largest delivery it accepts: 100 labels and nearly 1 MiB of body, read in part', async () => {
    const ids = uniqueIds();
    const labels = Array.from({ length: GITHUB_MAX_LABELS }, (_, i) => `area ${i}`);
    const text = 'El punto de venta está detenido y no podemos facturar desde la mañana. ';
    const payload = onIssue(example('issues', 'opened'), ids, { createdAt: recent(), labels, body: text.repeat(13_000) });
    const body = JSON.stringify(payload);
    expect(body.length).toBeGreaterThan(0.9 * MAX_BODY_BYTES);
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const res = await call(body, await signedHeaders(body));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted' });
    const row = await settled(ticketKey(ids.issueId));
    const evaluation = JSON.parse(row.evaluation) as { reasons: { rule: string; detail: string }[] };
    expect(evaluation.reasons.find((r) => r.rule === 'intake:text-limit')?.detail).toContain(
      `the body has ${payload.issue.body.length.toLocaleString('en-US')} characters`,
    );
  });
});
