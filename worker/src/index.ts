import { app } from './app.js';
import { scheduleDueTickets } from './cron/schedule-due-tickets.js';
import type { Env } from './env.js';
import { consumeWriteBacks } from './write-back/consume-write-backs.js';

export default {
  fetch: app.fetch,
  queue: (batch, env) => consumeWriteBacks(batch, env),
  scheduled: async (controller, env) => {
    await scheduleDueTickets(env, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env, unknown>;
