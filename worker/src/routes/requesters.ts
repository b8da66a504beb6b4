import { Hono } from 'hono/tiny';
import * as z from 'zod';
import type { Env } from '../env.js';
import { requireAdmin } from '../http/admin-auth.js';
import { problem } from '../http/problem.js';
import { getInstallation } from '../store/installations.js';
import { listFlaggedRequesters, readRequesterRecord } from '../store/requester-flags.js';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * The record of history flags per requester (admin): who opened duplicates, followed up too soon or went over quota, and
 * on which tickets. A requester is the host's id for the person (a GitHub login, a Zendesk user id).
 */
export const requesterRoutes = new Hono<{ Bindings: Env }>()
  .get('/:key/requesters', requireAdmin, async (c) => {
    const key = c.req.param('key');
    if (!(await getInstallation(c.env.DB, key))) return problem(c, 404, { code: 'not-found', detail: `no installation "${key}"` });
    const q = listQuery.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, { code: 'invalid-query', detail: 'limit must be an integer from 1 to 200' });
    return c.json({ installation: key, requesters: await listFlaggedRequesters(c.env.DB, key, q.data.limit) });
  })
  .get('/:key/requesters/:requester', requireAdmin, async (c) => {
    const key = c.req.param('key');
    const requester = c.req.param('requester');
    if (!(await getInstallation(c.env.DB, key))) return problem(c, 404, { code: 'not-found', detail: `no installation "${key}"` });
    return c.json({ installation: key, requester, ...(await readRequesterRecord(c.env.DB, key, requester)) });
  });
