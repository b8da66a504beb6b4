import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { acceptDelivery } from '../deliveries/accept-delivery.js';
import { type Env, readSettings } from '../env.js';
import { adapterFor } from '../hosts/adapters.js';
import type { AnyHostAdapter } from '../hosts/host-adapter.js';
import { hostContext } from '../hosts/host-context.js';
import { limitBody } from '../http/body-limit.js';
import { problem, statusOf } from '../http/problem.js';
import { readJsonBody } from '../http/read-json-body.js';

/**
 * POST /webhooks/:host — size limit, then the signature over what the host signs, then JSON, then the
 * payload's schema; only then is anything stored. Answers 202 at once: host calls run from the queue.
 */
export const webhookRoutes = new Hono<{ Bindings: Env }>().post('/:host', limitBody, async (c) => {
  const adapter = adapterFor(c.req.param('host'));
  if (!adapter) return problem(c, 404, { code: 'unknown-host', detail: `no host "${c.req.param('host')}"` });
  return receiveDelivery(c, adapter);
});

/** One delivery through `adapter` (also Jira's Forge events, which arrive at their own path). */
export async function receiveDelivery(c: Context<{ Bindings: Env }>, adapter: AnyHostAdapter): Promise<Response> {
  const ctx = hostContext(adapter, c.env, readSettings(c.env));
  const body = new Uint8Array(await c.req.arrayBuffer());
  const verified = await adapter.verify({ url: c.req.url, headers: c.req.raw.headers, body }, ctx);
  if (!verified.ok) return problem(c, statusOf(verified.issue.code), verified.issue);
  const payload = readJsonBody(body);
  if (!payload.ok)
    return problem(c, 400, { ...payload.issue, detail: `${payload.issue.detail} (the webhook's content type must be application/json)` });
  const effect = adapter.parse(verified.value, payload.value);
  if (!effect.ok) return problem(c, 400, effect.issue);
  const outcome = await acceptDelivery(c.env, adapter, ctx.config, verified.value, effect.value, Date.now());
  if (outcome.status === 'refused') return problem(c, 400, outcome.issue);
  return c.json({ delivery: verified.value.id, event: verified.value.event, ...outcome }, 202);
}
