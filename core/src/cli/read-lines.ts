import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Yields each line of a stream with its 1-based number, without holding the whole input in memory. */
export async function* readLines(input: Readable): AsyncGenerator<{ line: number; text: string }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line += 1;
    yield { line, text };
  }
}
