import * as z from 'zod';

export const ticketIdSchema = z.string().min(1).brand<'TicketId'>();
export type TicketId = z.infer<typeof ticketIdSchema>;

/** An instant with an explicit offset or "Z": a bare local time would be read in the wrong zone. */
export const instantSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 instant with an offset, e.g. "2026-03-02T10:00:00-05:00"',
});

/**
 * Events that move clocks. `reply` with `public` and `byAgent` answers the first response;
 * `status` enters a status (paused when the policy lists it); `solved` stops; `reopened` resumes.
 */
export const timelineEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('reply'),
    at: instantSchema,
    public: z.boolean().default(true),
    byAgent: z.boolean(),
    /** The requester wrote it (not another customer or a bystander): the follow-up cooldown counts only these. */
    byRequester: z.boolean().optional(),
  }),
  z.object({ type: z.literal('status'), at: instantSchema, status: z.string().min(1) }),
  z.object({ type: z.literal('solved'), at: instantSchema }),
  z.object({ type: z.literal('reopened'), at: instantSchema }),
  /** An agent marked (or, `reached: false`, unmarked) a milestone of the policy's `sla.milestones` (Peewah's action plan). */
  z.object({ type: z.literal('milestone'), at: instantSchema, milestone: z.string().min(1), reached: z.boolean().default(true) }),
  /** An agent escalated to (or, `set: false`, took back) a tier of the policy (Skedu's levels 2 and 3). */
  z.object({ type: z.literal('tier'), at: instantSchema, tier: z.string().min(1), set: z.boolean().default(true) }),
  /** An agent's estimate of the time to solve, from `at`; the resolution target while the ticket's tier takes estimates. */
  z.object({
    type: z.literal('estimate'),
    at: instantSchema,
    amount: z.number().positive(),
    unit: z.enum(['minutes', 'hours', 'businessDays']),
  }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const ticketSchema = z.object({
  id: ticketIdSchema,
  createdAt: instantSchema,
  subject: z.string().default(''),
  body: z.string().default(''),
  /** Forces the priority, as an agent's override does. */
  priority: z.string().min(1).optional(),
  requester: z.string().optional(),
  /** How a person names the ticket on its host ("#12"): the case number Plazo confirms to the customer. */
  reference: z.string().min(1).optional(),
  channel: z.string().optional(),
  timeline: z.array(timelineEventSchema).default([]),
});
export type TicketInput = z.input<typeof ticketSchema>;
export type Ticket = z.output<typeof ticketSchema>;
