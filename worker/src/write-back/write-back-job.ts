import * as z from 'zod';

/** A queue message: write back this ticket as of `version`, evaluating it at `evaluateAt` (epoch ms). */
export const writeBackJobSchema = z.object({
  ticketKey: z.string().min(1),
  version: z.number().int().nonnegative(),
  evaluateAt: z.number().int().nonnegative(),
  reason: z.enum(['delivery', 'cron', 'retry']),
});
export type WriteBackJob = z.infer<typeof writeBackJobSchema>;
