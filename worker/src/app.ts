import { Hono } from 'hono/tiny';
import type { Env } from './env.js';
import { notFound, onError } from './http/error-handler.js';
import { adminRoutes } from './routes/admin.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { healthRoutes } from './routes/health.js';
import { installationRoutes } from './routes/installations.js';
import { jiraForgeRoutes } from './routes/jira-forge.js';
import { jiraSetupRoutes } from './routes/jira-setup.js';
import { policyRoutes } from './routes/policies.js';
import { reportRoutes } from './routes/reports.js';
import { requesterRoutes } from './routes/requesters.js';
import { webhookRoutes } from './routes/webhooks.js';
import { zendeskRoutes } from './routes/zendesk.js';

/** The HTTP surface: JSON everywhere, versioned under /api/v1, webhooks per host. */
export const app = new Hono<{ Bindings: Env }>()
  .route('/healthz', healthRoutes)
  .route('/api/v1/policies', policyRoutes)
  .route('/api/v1/evaluate', evaluateRoutes)
  .route('/api/v1/installations', installationRoutes)
  .route('/api/v1/installations', requesterRoutes)
  .route('/api/v1/zendesk', zendeskRoutes)
  .route('/api/v1/jira', jiraSetupRoutes)
  .route('/api/v1/reports', reportRoutes)
  .route('/api/v1', adminRoutes)
  .route('/webhooks', webhookRoutes)
  .route('/forge/jira', jiraForgeRoutes)
  .onError(onError)
  .notFound(notFound);
