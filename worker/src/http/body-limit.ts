import { bodyLimit } from 'hono/body-limit';
import { problem } from './problem.js';

/** Largest request body accepted (1 MiB): GitHub's issue payloads are tens of kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Refuses larger bodies with 413 before anything reads or stores them. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => problem(c, 413, { code: 'payload-too-large', detail: `the body exceeds ${MAX_BODY_BYTES} bytes` }),
});
