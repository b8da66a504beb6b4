import * as z from 'zod';

// Zendesk's event webhooks (developer.zendesk.com/api-reference/webhooks/event-types/ticket-events): ids arrive as strings,
// statuses and priorities in capitals. Only the fields Plazo reads are checked; unknown keys are dropped, not refused.

const instant = z.iso.datetime({ offset: true });

/** A Zendesk id: digits, as a string or a number (the envelope's account_id is a number, the detail's ids strings). */
export const zendeskIdSchema = z
  .union([z.string().regex(/^-?\d{1,20}$/, 'must be a Zendesk id (digits; -1 is Zendesk itself)'), z.number().int().nonnegative()])
  .transform(String);

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/** Ticket statuses; Zendesk's webhooks send "OPEN", its REST API "open", on-hold is "hold". */
export const zendeskStatusSchema = z.preprocess(lower, z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted']));
export type ZendeskStatus = z.infer<typeof zendeskStatusSchema>;

export const zendeskPriorities = ['urgent', 'high', 'normal', 'low'] as const;
export const zendeskPrioritySchema = z.preprocess(lower, z.enum(zendeskPriorities));
export type ZendeskPriority = z.infer<typeof zendeskPrioritySchema>;
/** Zendesk's priority may be unset: null, absent, or an empty string. */
const optionalPriority = z.preprocess((v) => (v === '' || v === undefined ? null : v), zendeskPrioritySchema.nullable());

/** At most this many tags on one ticket delivery; more is not a ticket Zendesk would send (each tag becomes a fact). */
export const ZENDESK_MAX_TAGS = 100;
const tags = z.array(z.string().max(200)).max(ZENDESK_MAX_TAGS, `at most ${ZENDESK_MAX_TAGS} tags are accepted`);

/** The ticket in `detail`, as the event-types reference lists its properties. */
export const zendeskTicketDetailSchema = z.object({
  id: zendeskIdSchema,
  actor_id: zendeskIdSchema.nullish(),
  requester_id: zendeskIdSchema.nullish(),
  organization_id: zendeskIdSchema.nullish(),
  created_at: instant,
  updated_at: instant,
  subject: z.string().max(100_000).nullish(),
  description: z.string().nullish(),
  status: zendeskStatusSchema,
  priority: optionalPriority.optional(),
  tags: tags.nullish(),
  via: z.object({ channel: z.string().nullish() }).nullish(),
});
export type ZendeskTicketDetail = z.infer<typeof zendeskTicketDetailSchema>;

/** The envelope every event webhook shares. */
export const zendeskEnvelopeSchema = z.object({
  type: z.string().regex(/^zen:event-type:[a-z_]+\.[a-z_]+$/, 'must be "zen:event-type:<domain>.<event>"'),
  account_id: zendeskIdSchema,
  id: z.string().min(1).max(200),
  time: instant,
  zendesk_event_version: z.string().min(1).max(50),
  subject: z.string().max(200),
  detail: z.unknown(),
  event: z.unknown(),
});
export type ZendeskEnvelope = z.infer<typeof zendeskEnvelopeSchema>;

/** `subject` names the ticket: "zen:ticket:<id>". */
export const ticketSubjectSchema = z.string().regex(/^zen:ticket:\d{1,20}$/, 'must be "zen:ticket:<id>"');

export const commentAddedEventSchema = z.object({
  comment: z.object({
    id: zendeskIdSchema,
    body: z.string().nullish(),
    is_public: z.boolean(),
    author: z.object({ id: zendeskIdSchema, is_staff: z.boolean(), name: z.string().nullish() }),
  }),
});

export const statusChangedEventSchema = z.object({ current: zendeskStatusSchema, previous: zendeskStatusSchema.nullish() });
export const priorityChangedEventSchema = z.object({ current: optionalPriority, previous: optionalPriority.optional() });
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** A number field's value: Zendesk sends it bare or as `{ value }`, a number or its digits; anything else is not a duration. */
const fieldNumber = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v),
  z.union([z.number(), z.string().regex(DECIMAL).transform(Number), z.null()]).optional(),
);
/** A custom field's change; Plazo reads only number fields (the Time Tracking app's "Total time spent (sec)"). */
export const customFieldChangedEventSchema = z.object({
  custom_field: z.object({ id: zendeskIdSchema }),
  current: fieldNumber,
  previous: fieldNumber,
});

export const tagsChangedEventSchema = z.object({ tags_added: tags.nullish(), tags_removed: tags.nullish() });

/** The ticket events Plazo reads, by the part of `type` after "zen:event-type:ticket.". */
export const handledTicketEvents = [
  'created',
  'comment_added',
  'status_changed',
  'priority_changed',
  'tags_changed',
  'custom_field_changed',
  'soft_deleted',
  'permanently_deleted',
  'marked_as_spam',
  'merged',
] as const;
export type HandledTicketEvent = (typeof handledTicketEvents)[number];
