import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedOutput } from './chunked-output.js';

/** A stream that keeps every chunk it is given as is, and asks writers to wait after each one. */
function slowSink() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { stream, chunks };
}

describe('ChunkedOutput', () => {
  it('writes exactly the UTF-8 of the texts in order, in chunks no bigger than asked unless one text is', async () => {
    const text = fc.array(fc.constantFrom('a', 'ñ', '→', '😀', '{"id":"x"}\n', 'x'.repeat(40)), { maxLength: 30 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { maxLength: 40 }), fc.integer({ min: 16, max: 256 }), async (texts, size) => {
        const { stream, chunks } = slowSink();
        const output = new ChunkedOutput(stream, size);
        for (const t of texts) {
          const full = output.write(t);
          if (full) await full;
        }
        await output.flush();
        // Compared after the last write, so a chunk the writer reused would show here.
        expect(Buffer.concat(chunks).toString('utf8')).toBe(texts.join(''));
        for (const c of chunks) if (c.length > size) expect(texts.some((t) => Buffer.byteLength(t) === c.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing when given nothing', async () => {
    const { stream, chunks } = slowSink();
    await new ChunkedOutput(stream).flush();
    expect(chunks).toEqual([]);
  });
});
