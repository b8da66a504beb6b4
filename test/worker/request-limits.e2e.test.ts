import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DISCARD_BYTES, EVALUATE_MAX_BODY_BYTES, MAX_BODY_BYTES } from '../../worker/src/http/body-limit.js';
import { deliver } from './support/github-deliveries.js';

const CHUNK = 64 * 1024;

/** A body sent as a stream of 64 KiB chunks (no content-length: its size is known only by reading it); null chunks: endless. */
function streamed(chunks: number | null, sent: { chunks: number; cancelled: boolean }): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(CHUNK));
  return new ReadableStream({
    pull(controller) {
      if (chunks === null || sent.chunks < chunks) {
        sent.chunks += 1;
        controller.enqueue(chunk);
      } else controller.close();
    },
    cancel() {
      sent.cancelled = true;
    },
  });
}

const postStream = (path: string, body: ReadableStream<Uint8Array>) =>
  exports.default.fetch(`http://plazo.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);

describe('request size limits', () => {
  it('refuses a streamed webhook body over 1 MiB with 413, and the next request on the runtime is served', async () => {
    const sent = { chunks: 0, cancelled: false };
    const big = await postStream('/webhooks/github', streamed(2 * (MAX_BODY_BYTES / CHUNK), sent));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      error: { code: 'payload-too-large', detail: expect.stringContaining(String(MAX_BODY_BYTES)) },
    });
    // A signed delivery right after: before the fix the half-read body broke the connection and this answered 500.
    const next = await deliver('ping', { zen: 'Keep it logically awesome.', hook_id: 1 });
    expect(next.status, await next.clone().text()).toBe(202);
  });

  it('stops reading an endless streamed body and cancels it instead of reading it for ever', async () => {
    const sent = { chunks: 0, cancelled: false };
    const res = await postStream('/webhooks/github', streamed(null, sent));
    expect(res.status).toBe(413);
    await res.arrayBuffer();
    // At most the limit, what is discarded after it, and what the runtime buffers ahead of the reader.
    expect(sent.chunks * CHUNK).toBeLessThan(MAX_BODY_BYTES + DISCARD_BYTES + 16 * CHUNK);
    const next = await deliver('ping', { zen: 'Design for failure.', hook_id: 1 });
    expect(next.status).toBe(202);
  });
});

const postJson = (path: string, body: unknown) =>
  exports.default.fetch(`http://plazo.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const ticket = { id: 'T-1', createdAt: '2026-03-02T10:00:00-05:00', subject: 'No podemos facturar' };
const now = '2026-03-02T12:00:00-05:00';

describe('evaluate limits', () => {
  it('refuses a body over 256 KiB before reading it, naming the limit', async () => {
    const res = await postJson('/api/v1/evaluate', {
      policy: 'websaas',
      ticket: { ...ticket, body: 'x'.repeat(EVALUATE_MAX_BODY_BYTES) },
      now,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload-too-large', detail: expect.stringContaining('256 KiB') } });
  });

  it('evaluates a body of nearly 256 KiB from its first 20,000 characters and says the rest was not read', async () => {
    const body = 'El punto de venta está detenido, no podemos facturar. '.repeat(4_500);
    const res = await postJson('/api/v1/evaluate', { policy: 'websaas', ticket: { ...ticket, body }, now });
    expect(res.status, await res.clone().text()).toBe(200);
    const evaluation = (await res.json()) as { priority: string; reasons: { rule: string; detail: string }[] };
    expect(evaluation.priority).toBe('urgente');
    const limit = evaluation.reasons.find((r) => r.rule === 'intake:text-limit');
    expect(limit?.detail).toContain(`the body has ${body.length.toLocaleString('en-US')} characters`);
  });

  it('refuses an inline policy whose lexicon entries nest too deeply with each problem named once, not a 500', async () => {
    type PolicyJson = { triage: { lexicon: Record<string, string[]>; priorities: { patterns: string[] }[] } };
    const base = (await (await exports.default.fetch('http://plazo.test/api/v1/policies/websaas')).json()) as PolicyJson;
    // Six levels of five alternatives each: every path repeats the same problem (15,625 copies overflowed the stack).
    const nested = Object.fromEntries(
      Array.from({ length: 6 }, (_, d) => [
        `l${d}`,
        Array.from({ length: 5 }, (_, i) => (d < 5 ? `w${d}x${i} @l${d + 1}?` : `w${d}x${i}`)),
      ]),
    );
    const [first, ...rest] = base.triage.priorities;
    const priorities = [{ ...first, patterns: [...(first?.patterns ?? []), '@l0 ... @l0'] }, ...rest];
    const res = await postJson('/api/v1/evaluate', {
      policy: { ...base, id: 'nested', triage: { ...base.triage, lexicon: { ...base.triage.lexicon, ...nested }, priorities } },
      ticket: { ...ticket, body: 'hola' },
      now,
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; problems: { path: string; message: string }[] } };
    expect(json.error.code).toBe('invalid-policy');
    const nestedProblems = json.error.problems.filter((p) => p.message === 'lexicon entry "@l5" nests too deeply');
    expect(nestedProblems).toEqual([
      {
        path: `triage.priorities[0].patterns[${first?.patterns.length ?? 0}]`,
        message: 'lexicon entry "@l5" nests too deeply',
      },
    ]);
  });

  it('refuses an inline policy whose patterns would cost too much to compile, naming the problem', async () => {
    type PolicyJson = { triage: { lexicon: Record<string, string[]> } };
    const base = (await (await exports.default.fetch('http://plazo.test/api/v1/policies/websaas')).json()) as PolicyJson;
    const lexicon = { ...base.triage.lexicon, many: 'bcdfghjk'.split('').map((l) => `${l}aa|${l}ee`) };
    const priorities = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      priority: 'normal',
      patterns: ['@many @many @many @many @many @many'],
    }));
    const res = await postJson('/api/v1/evaluate', {
      policy: { ...base, id: 'heavy', triage: { ...base.triage, lexicon, priorities } },
      ticket: { ...ticket, body: 'hola' },
      now,
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; problems: { path: string; message: string }[] } };
    expect(json.error.code).toBe('invalid-policy');
    expect(json.error.problems).toContainEqual({
      path: 'triage',
      message: expect.stringContaining('slots once lexicon entries are filled in'),
    });
  });
});
