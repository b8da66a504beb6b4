import { fail, ok, type Result } from '@plazo/core';

// RFC 8259 §8.1 lets a parser ignore a leading byte order mark; the decoder drops it (ignoreBOM: false) and refuses bytes that are not UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A request body's bytes as JSON: empty, not UTF-8 and not JSON are each named, never guessed at. */
export function readJsonBody(body: Uint8Array): Result<unknown, 'empty-body' | 'invalid-json'> {
  if (body.byteLength === 0) return fail('empty-body', 'the body is empty; it must be a JSON document');
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return fail('invalid-json', 'the body is not UTF-8 text, so it cannot be JSON');
  }
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return fail('invalid-json', `the body is not JSON: ${(error as Error).message}`);
  }
}
