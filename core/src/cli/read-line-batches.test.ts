import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLineBatches } from './read-line-batches.js';

async function viaBatches(chunks: Buffer[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readLineBatches(Readable.from(chunks))) lines.push(...batch);
  return lines;
}

async function viaReadline(chunks: Buffer[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) lines.push(line);
  return lines;
}

/** Cuts bytes at the given offsets, so breaks and multi-byte characters fall across chunks. */
function cut(bytes: Buffer, offsets: number[]): Buffer[] {
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length)).filter((b) => b.length > 0);
}

describe('readLineBatches', () => {
  it('splits lines as node:readline does, wherever the chunks are cut', async () => {
    const piece = fc.constantFrom('a', 'ñ', '→', '😀', '{"id":1}', ' ', '\n', '\r', '\r\n', '\n\n');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), async (pieces, offsets) => {
        const chunks = cut(Buffer.from(pieces.join(''), 'utf8'), offsets);
        expect(await viaBatches(chunks)).toEqual(await viaReadline(chunks));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a last line that has no line break, and yields nothing for empty input', async () => {
    expect(await viaBatches([Buffer.from('one\r\ntwo')])).toEqual(['one', 'two']);
    expect(await viaBatches([])).toEqual([]);
  });

  it('treats a \\r\\n cut between two chunks as one break', async () => {
    expect(await viaBatches([Buffer.from('one\r'), Buffer.from('\ntwo\n')])).toEqual(['one', 'two']);
  });
});
