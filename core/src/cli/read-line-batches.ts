import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const lineBreak = /\r\n|\n|\r/g;

/**
 * Yields the lines of a stream a chunk at a time, split as node:readline splits them (\n, \r\n or a lone \r; a last
 * line without a break still counts), without holding the whole input in memory. A batch per chunk instead of a
 * promise per line lets a caller handle thousands of short lines synchronously.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    let text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    // A \r at the end may be the first half of a \r\n split across chunks.
    const held = text.endsWith('\r') ? '\r' : '';
    if (held) text = text.slice(0, -1);
    const lines = text.split(lineBreak);
    rest = lines.pop()! + held;
    if (lines.length > 0) yield lines;
  }
  rest += decoder.end();
  if (rest === '') return;
  const last = rest.split(lineBreak);
  // A break at the very end ends the last line; it does not start an empty one.
  if (last[last.length - 1] === '') last.pop();
  yield last;
}
