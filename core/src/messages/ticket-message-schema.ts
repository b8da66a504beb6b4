import * as z from 'zod';

/**
 * Something the ticket should say, decided by the core from policy data so every host only renders it.
 * `customer` messages are said once per ticket and `code` (a public reply); `agent` messages are shown where agents look
 * (a comment, a note, a sidebar) for as long as they hold. `text` is in `locale`, the policy's language.
 */
export const ticketMessageSchema = z.object({
  audience: z.enum(['customer', 'agent']),
  /** Stable: "case-opened", "after-hours", "missing-information", "category", "tier", "hint:<hint id>". */
  code: z.string().min(1),
  locale: z.enum(['es', 'en', 'pt']),
  text: z.string().min(1),
  /** What the text was built from, for a host that words it in its own reader's language (ids, instants, contacts). */
  params: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

/** The placeholders each customer message of a policy may use (`{case}`…), so a typo is a policy problem, not a literal brace. */
export const customerMessagePlaceholders = {
  caseOpened: ['case'],
  afterHours: ['opening'],
  missingInformation: ['missing'],
} as const;
export type CustomerMessageKey = keyof typeof customerMessagePlaceholders;
