import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

/** Largest webhook body accepted (1 MiB): a ticket event is tens of kilobytes, its text capped by the host (GitHub: 65,536 characters). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * After refusing a streamed body, this much more of it is read and thrown away before the rest is cancelled: the local
 * runtime cannot serve the next request on a connection whose body was left half read, even when cancelled
 * (workerd#1741). Discarding costs no copy; the bound keeps an endless body from holding the request.
 */
export const DISCARD_BYTES = 16 * 1024 * 1024;

const tooLarge = (maxBytes: number) => ({
  code: 'payload-too-large',
  detail: `the body exceeds ${maxBytes} bytes (${maxBytes / 1024} KiB)`,
});

/** Throws away up to DISCARD_BYTES more of a refused body, then cancels what is left. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let read = 0;
  while (read <= DISCARD_BYTES) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel('payload too large');
}

/**
 * Refuses bodies over `maxBytes` with 413 before anything parses them: by content-length when the client sent one, else
 * while reading the stream (chunked uploads), keeping at most `maxBytes` in memory.
 */
export function limitBodyTo(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      return Number(declared) > maxBytes ? problem(c, 413, tooLarge(maxBytes)) : next();
    }
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await discard(reader);
        return problem(c, 413, tooLarge(maxBytes));
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    c.req.raw = new Request(raw, { body });
    return next();
  };
}

/** The webhooks' (and admin settings') limit. */
export const limitBody = limitBodyTo(MAX_BODY_BYTES);

/**
 * POST /api/v1/evaluate's limit (256 KiB): one ticket and at most one policy document. The largest built-in policy is
 * 150 KB of JSON with its text model (188 KB as `plazo policy peewah` prints it) and triage reads 21,000 characters of a
 * ticket, so this leaves room for a long timeline, while bounding what an unauthenticated caller makes the Worker parse.
 */
export const EVALUATE_MAX_BODY_BYTES = 256 * 1024;
export const limitEvaluateBody = limitBodyTo(EVALUATE_MAX_BODY_BYTES);
