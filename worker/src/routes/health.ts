import { Hono } from 'hono/tiny';

/** GET /healthz: answers without touching storage, so it measures the Worker alone. */
export const healthRoutes = new Hono().get('/', (c) => c.json({ ok: true, service: 'plazo-worker' }));
