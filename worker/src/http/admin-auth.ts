import type { MiddlewareHandler } from 'hono';
import { type Env, readSettings } from '../env.js';
import { problem } from './problem.js';

const encoder = new TextEncoder();

/** Hashing first gives equal lengths, so the comparison's time says nothing about the token. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([given, expected].map((s) => crypto.subtle.digest('SHA-256', encoder.encode(s))));
  return crypto.subtle.timingSafeEqual(a!, b!);
}

/** Admin endpoints need `Authorization: Bearer <ADMIN_TOKEN>`; without a configured token they are off. */
export const requireAdmin: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const expected = readSettings(c.env).adminToken;
  if (!expected) return problem(c, 503, { code: 'admin-disabled', detail: 'ADMIN_TOKEN is not configured' });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  if (!match || !(await sameSecret(match[1]!, expected))) {
    c.header('WWW-Authenticate', 'Bearer realm="plazo-admin"');
    return problem(c, 401, { code: 'unauthorized', detail: 'a valid admin bearer token is required' });
  }
  await next();
};
