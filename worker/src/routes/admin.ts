import { toProblems } from '@plazo/core';
import { Hono } from 'hono/tiny';
import * as z from 'zod';
import type { Env } from '../env.js';
import { adapterFor } from '../hosts/adapters.js';
import { requireAdmin } from '../http/admin-auth.js';
import { limitBody } from '../http/body-limit.js';
import { problem } from '../http/problem.js';
import { readJsonBody } from '../http/read-json-body.js';
import { findInstallationPolicy } from '../policies/find-installation-policy.js';
import { preparePolicyUpload } from '../policies/prepare-policy-upload.js';
import { listFailedJobs, markRetried } from '../store/failed-jobs.js';
import { getInstallation, listInstallations, setInstallationSettings } from '../store/installations.js';
import { bumpVersion, getFacts, getTicket, listTickets } from '../store/tickets.js';
import { listWriteBacks } from '../store/write-backs.js';

const ticketQuery = z.object({
  host: z.string().min(1).optional(),
  state: z.enum(['none', 'running', 'paused', 'met', 'at-risk', 'breached', 'excluded']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Pagination: the `next` value of the previous page. */
  before: z.coerce.number().int().positive().optional(),
});

function badQuery(error: z.ZodError) {
  const problems = toProblems(error);
  return { code: 'invalid-query', detail: problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems };
}

/** Admin endpoints under /api/v1: tickets, failed jobs, installations. All need the admin token. */
export const adminRoutes = new Hono<{ Bindings: Env }>()
  .get('/tickets', requireAdmin, async (c) => {
    const q = ticketQuery.safeParse(c.req.query());
    if (!q.success) return problem(c, 400, badQuery(q.error));
    const tickets = await listTickets(c.env.DB, q.data);
    const last = tickets.at(-1);
    return c.json({ tickets, next: tickets.length === q.data.limit && last ? Date.parse(last.updatedAt) : null });
  })
  .get('/tickets/:key', requireAdmin, async (c) => {
    const key = c.req.param('key');
    const ticket = await getTicket(c.env.DB, key);
    if (!ticket) return problem(c, 404, { code: 'not-found', detail: `no ticket "${key}"` });
    const [facts, writeBacks] = await Promise.all([getFacts(c.env.DB, key), listWriteBacks(c.env.DB, key)]);
    return c.json({ ticket, facts, writeBacks });
  })
  .get('/failed-jobs', requireAdmin, async (c) => {
    const q = z
      .object({ status: z.enum(['failed', 'retried']).default('failed'), limit: z.coerce.number().int().min(1).max(200).default(50) })
      .safeParse(c.req.query());
    if (!q.success) return problem(c, 400, badQuery(q.error));
    return c.json({ failedJobs: await listFailedJobs(c.env.DB, q.data.status, q.data.limit) });
  })
  .post('/failed-jobs/:id/retry', requireAdmin, async (c) => {
    const id = z.coerce.number().int().positive().safeParse(c.req.param('id'));
    if (!id.success) return problem(c, 400, { code: 'invalid-id', detail: 'the id must be a positive integer' });
    const now = Date.now();
    const ticketKey = await markRetried(c.env.DB, id.data, now);
    if (!ticketKey) return problem(c, 404, { code: 'not-found', detail: `no open failed job ${id.data}` });
    const bumped = await bumpVersion(c.env.DB, ticketKey, now).first<{ version: number }>();
    if (bumped) await c.env.WRITE_BACK_QUEUE.send({ ticketKey, version: bumped.version, evaluateAt: now, reason: 'retry' });
    return c.json({ retried: id.data, ticket: ticketKey, queued: bumped !== null }, 202);
  })
  .get('/installations', requireAdmin, async (c) => c.json({ installations: await listInstallations(c.env.DB) }))
  .put('/installations/:key/settings', requireAdmin, limitBody, async (c) => {
    const key = c.req.param('key');
    const installation = await getInstallation(c.env.DB, key);
    if (!installation) return problem(c, 404, { code: 'not-found', detail: `no installation "${key}"` });
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return problem(c, 400, { code: 'invalid-json', detail: 'the body must be a JSON object of settings' });
    }
    const adapter = adapterFor(installation.host)!;
    const settings = adapter.parseSettings(json);
    if (!settings.ok) return problem(c, 400, settings.issue);
    // Stored settings are used on every later write-back, so a policy they name must exist now.
    const policyId: string | undefined = settings.value.policy;
    const policy = policyId === undefined ? null : await findInstallationPolicy(c.env, key, policyId);
    if (policy && !policy.ok) return problem(c, 400, { ...policy.issue, problems: [{ path: 'policy', message: policy.issue.detail }] });
    await setInstallationSettings(c.env.DB, key, settings.value, Date.now());
    return c.json({ key, settings: settings.value });
  })
  /**
   * The installation's own policy document (core's policy schema; its id must not be a built-in's). Replaces the one uploaded
   * before; the settings select it by id (`PUT …/settings {"policy": "<id>"}`, or Zendesk's setup step).
   */
  .put('/installations/:key/policy', requireAdmin, limitBody, async (c) => {
    const key = c.req.param('key');
    const installation = await getInstallation(c.env.DB, key);
    if (!installation) return problem(c, 404, { code: 'not-found', detail: `no installation "${key}"` });
    const json = readJsonBody(new Uint8Array(await c.req.arrayBuffer()));
    if (!json.ok) return problem(c, 400, json.issue);
    const selected = adapterFor(installation.host)!.parseSettings(installation.settings);
    const upload = await preparePolicyUpload(c.env, key, json.value, selected.ok ? selected.value.policy : undefined, Date.now());
    if (!upload.ok) return problem(c, 400, upload.issue);
    await upload.value.statement.run();
    return c.json({ key, policy: { id: upload.value.policy.id, name: upload.value.policy.name } });
  });
