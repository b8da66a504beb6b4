import { toProblems } from '../policy/parse-policy.js';
import { fail, ok, type Result } from '../result.js';
import { type Ticket, ticketSchema } from './ticket-schema.js';

/** Validates a ticket from outside (CLI line, API body); every problem is named by path. */
export function parseTicket(input: unknown): Result<Ticket, 'invalid-ticket'> {
  const parsed = ticketSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const problems = toProblems(parsed.error);
  return fail('invalid-ticket', `the ticket has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
}
