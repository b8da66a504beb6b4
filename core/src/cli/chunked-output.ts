import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** 3 bytes per UTF-16 code unit is the most UTF-8 needs. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Gathers text as UTF-8 in chunks of `size` bytes and writes a chunk when the next text might not fit, waiting when
 * the stream asks to: one write per output line costs more than evaluating the line, and a string built up line by
 * line must be flattened and encoded again when written.
 */
export class ChunkedOutput {
  readonly #stream: Writable;
  readonly #size: number;
  #buffer: Buffer;
  #used = 0;

  constructor(stream: Writable, size = 1 << 17) {
    this.#stream = stream;
    this.#size = size;
    this.#buffer = Buffer.allocUnsafe(size);
  }

  /** Adds text; returns a promise to await only when a chunk was written and the stream is full. */
  write(text: string): Promise<void> | undefined {
    if (this.#used + text.length * MAX_BYTES_PER_UNIT <= this.#size) {
      this.#used += this.#buffer.write(text, this.#used);
      return undefined;
    }
    return this.#writeAfterFlush(text);
  }

  async #writeAfterFlush(text: string): Promise<void> {
    await this.flush();
    if (text.length * MAX_BYTES_PER_UNIT <= this.#size) this.#used += this.#buffer.write(text, this.#used);
    else if (!this.#stream.write(text)) await once(this.#stream, 'drain');
  }

  /** Writes what is gathered; a written chunk is never reused, as the stream may still hold it. */
  async flush(): Promise<void> {
    if (this.#used === 0) return;
    const chunk = this.#buffer.subarray(0, this.#used);
    this.#buffer = Buffer.allocUnsafe(this.#size);
    this.#used = 0;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
}
