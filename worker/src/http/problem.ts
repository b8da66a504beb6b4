import type { Issue } from '@plazo/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API returns has this one JSON shape: `{ error: { code, detail, problems? } }`. */
export function problem(c: Context, status: ContentfulStatusCode, issue: Issue): Response {
  return c.json({ error: issue }, status);
}

/** Maps an expected failure's code to its HTTP status; unknown codes are the client's fault (400). */
export function statusOf(code: string): ContentfulStatusCode {
  return Object.hasOwn(codeStatus, code) ? codeStatus[code as keyof typeof codeStatus] : 400;
}

const codeStatus = {
  unauthorized: 401,
  'bad-signature': 401,
  'missing-signature': 401,
  'stale-signature': 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-policy': 404,
  'unknown-host': 404,
  'payload-too-large': 413,
  'admin-disabled': 503,
} as const;
