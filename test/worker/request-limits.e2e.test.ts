import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DISCARD_BYTES, MAX_BODY_BYTES } from '../../worker/src/http/body-limit.js';
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
  exports.default.fetch(`http://plazo.test${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);

describe('request size limits', () => {
  it('refuses a streamed webhook body over 1 MiB with 413, and the next request on the runtime is served', async () => {
    const sent = { chunks: 0, cancelled: false };
    const big = await postStream('/webhooks/github', streamed(2 * (MAX_BODY_BYTES / CHUNK), sent));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'payload-too-large', detail: expect.stringContaining(String(MAX_BODY_BYTES)) } });
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
