import { type Env, readSettings } from '../env.js';
import { forEachAtMost } from './for-each-at-most.js';
import { runWriteBack } from './run-write-back.js';
import { type WriteBackJob, writeBackJobSchema } from './write-back-job.js';

/** A ticket another consumer is writing back is tried again after this many seconds. */
const BUSY_DELAY_SECONDS = 5;
/**
 * Tickets of one batch written back at once: each holds its own lease, so they never meet; a few at a time cut a batch's
 * time several-fold while staying far below the concurrent requests hosts ask clients to keep under (GitHub: 100).
 */
export const WRITE_BACK_CONCURRENCY = 4;

/**
 * The queue consumer. Jobs for one ticket in a batch collapse into the newest (it reads the ticket's
 * latest state anyway); the tickets are written back a few at a time, and each message is acked, retried
 * with a delay, or recorded as failed.
 */
export async function consumeWriteBacks(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const settings = readSettings(env);
  const newest = new Map<string, { message: Message<unknown>; job: WriteBackJob }>();
  for (const message of batch.messages) {
    const parsed = writeBackJobSchema.safeParse(message.body);
    if (!parsed.success) {
      console.error('dropping a malformed write-back job', message.id, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
      message.ack();
      continue;
    }
    const seen = newest.get(parsed.data.ticketKey);
    if (seen && seen.job.version >= parsed.data.version) {
      message.ack();
      continue;
    }
    seen?.message.ack();
    newest.set(parsed.data.ticketKey, { message, job: parsed.data });
  }
  await forEachAtMost([...newest.values()], WRITE_BACK_CONCURRENCY, async ({ message, job }) => {
    try {
      const outcome = await runWriteBack(job, { env, settings, attempts: message.attempts, nowMs: Date.now() });
      if (outcome.kind === 'busy') message.retry({ delaySeconds: BUSY_DELAY_SECONDS });
      else if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
      else message.ack();
      if (outcome.kind === 'retry' || outcome.kind === 'failed') console.warn('write-back', job.ticketKey, outcome.kind, outcome.error);
    } catch (error) {
      // Storage itself failed: let the queue deliver the message again.
      console.error('write-back crashed', job.ticketKey, error);
      message.retry({ delaySeconds: BUSY_DELAY_SECONDS });
    }
  });
}
