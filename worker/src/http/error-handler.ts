import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { problem } from './problem.js';

/** The one place an unexpected error becomes a response: logged in full, answered without internals. */
export const onError: ErrorHandler = (error, c: Context) => {
  if (error instanceof HTTPException) {
    return problem(c, error.status as 400, {
      code: error.status === 413 ? 'payload-too-large' : 'bad-request',
      detail: error.message || 'bad request',
    });
  }
  console.error('unhandled error', c.req.method, c.req.path, error);
  return problem(c, 500, { code: 'internal', detail: 'internal error; the request can be retried' });
};

export const notFound: NotFoundHandler = (c) =>
  problem(c, 404, { code: 'not-found', detail: `no route for ${c.req.method} ${c.req.path}` });
