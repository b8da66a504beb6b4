import type { Env } from '../env.js';
import { claimDueTicket, dueTickets } from '../store/tickets.js';
import type { WriteBackJob } from '../write-back/write-back-job.js';

/** Tickets claimed per cron run; the rest wait for the next minute. */
const PER_RUN = 500;
/** The queue accepts at most 100 messages per sendBatch. */
const SEND_CHUNK = 100;

/** Queues a re-evaluation at `nowMs` for each ticket whose next threshold passed, read through the partial index only. */
export async function scheduleDueTickets(env: Env, nowMs: number): Promise<number> {
  const keys = await dueTickets(env.DB, nowMs, PER_RUN);
  if (keys.length === 0) return 0;
  const claimed = await env.DB.batch<{ version: number }>(keys.map((key) => claimDueTicket(env.DB, key, nowMs)));
  const jobs: WriteBackJob[] = [];
  claimed.forEach((result, i) => {
    const version = result.results[0]?.version;
    if (version !== undefined) jobs.push({ ticketKey: keys[i]!, version, evaluateAt: nowMs, reason: 'cron' });
  });
  for (let i = 0; i < jobs.length; i += SEND_CHUNK) {
    await env.WRITE_BACK_QUEUE.sendBatch(jobs.slice(i, i + SEND_CHUNK).map((body) => ({ body })));
  }
  return jobs.length;
}
