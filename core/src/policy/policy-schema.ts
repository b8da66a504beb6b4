import * as z from 'zod';
import { customerMessagePlaceholders } from '../messages/ticket-message-schema.js';
import { triageRulesSchema } from '../triage/triage-rules-schema.js';

/** Ids appear in config, URLs, labels and the CLI, so they are lower-case kebab words. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-" (e.g. "soporte-justo")');

export const policyIdSchema = slug.brand<'PolicyId'>();
export type PolicyId = z.infer<typeof policyIdSchema>;
export const priorityIdSchema = slug.brand<'PriorityId'>();
export type PriorityId = z.infer<typeof priorityIdSchema>;

/** Text a person reads: Spanish is the seeds' language and always present. */
export const localizedTextSchema = z.strictObject({
  es: z.string().min(1),
  en: z.string().min(1).optional(),
  pt: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be "HH:mm" between 00:00 and 24:00');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');

/** One weekly open interval in the calendar's zone; day is ISO (1 = Monday … 7 = Sunday). */
export const openIntervalSchema = z
  .strictObject({
    day: z.number().int().min(1).max(7),
    open: clockTime,
    close: clockTime,
  })
  .refine((i) => i.open < i.close, { message: 'open must be before close', path: ['close'] });
export type OpenInterval = z.infer<typeof openIntervalSchema>;

export const calendarSchema = z.strictObject({
  zone: z.string().min(1).describe('An IANA zone ("America/Bogota") or a fixed offset ("UTC-4"); a fixed offset never follows DST.'),
  week: z.array(openIntervalSchema).min(1),
  holidays: z
    .strictObject({
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CO"')
        .optional()
        .describe('ISO 3166-1 alpha-2 country whose public holidays close the calendar.'),
      add: z.array(isoDate).default([]).describe("Dates an admin closes on top of the country's holidays."),
      remove: z.array(isoDate).default([]).describe('Country holidays an admin keeps open.'),
    })
    .default({ add: [], remove: [] }),
});
export type CalendarSpec = z.infer<typeof calendarSchema>;

/**
 * A time target. `calendar` counts elapsed time 24/7; `business` counts only open time.
 * `businessDays` is business time of N × one open day (policies.md), so it needs `business`.
 */
export const targetSchema = z
  .strictObject({
    amount: z.number().positive(),
    unit: z.enum(['minutes', 'hours', 'businessDays']),
    clock: z.enum(['calendar', 'business']),
    source: z.string().optional().describe("The seed's own words, so every figure can be traced back to it."),
  })
  .refine((t) => !(t.unit === 'businessDays' && t.clock === 'calendar'), {
    message: 'a target in businessDays must use the business clock',
    path: ['clock'],
  });
export type Target = z.infer<typeof targetSchema>;

export const targetsSchema = z.strictObject({
  firstResponse: targetSchema.nullable().default(null),
  resolution: targetSchema.nullable().default(null),
});
export type Targets = z.infer<typeof targetsSchema>;

/** A policy's `host` key was removed: what a host shows for a priority is the host adapter's setting, so the key is named when refused. */
const priorityKeysError = (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' && issue.keys?.includes('host')
    ? `unrecognized key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}: "host" is no longer part of a policy; ` +
      "how a priority shows on Zendesk, Jira or GitHub is each host's setting, by default from the priority's rank (docs/policies.md)"
    : undefined;

/**
 * What a priority means; the order of `priorities` is its rank, most severe first, from which hosts derive how it shows
 * (Zendesk's urgent/high/normal/low, a GitHub label's colour) unless an installation says otherwise.
 */
export const prioritySchema = z.strictObject(
  {
    id: priorityIdSchema,
    labels: z.strictObject({ es: z.string().min(1), en: z.string().min(1), pt: z.string().min(1) }),
    definition: localizedTextSchema,
    examples: z.array(z.string().min(1)).default([]).describe("The seed's own examples: the classifier's first evidence."),
    targets: targetsSchema.optional(),
  },
  { error: priorityKeysError },
);
export type Priority = z.infer<typeof prioritySchema>;

export const exclusionSchema = z.strictObject({
  id: slug,
  description: localizedTextSchema,
  flags: z.array(slug).default([]).describe('Flags set on an excluded ticket (e.g. "technical-service").'),
  source: z.string().optional(),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

/** A routing category (Peewah's channels). */
export const categorySchema = z.strictObject({
  id: slug,
  label: localizedTextSchema,
  contact: z.string().optional(),
  description: localizedTextSchema.optional(),
  targets: z
    .strictObject({ firstResponse: targetSchema.nullable().optional(), resolution: targetSchema.nullable().optional() })
    .optional()
    .describe("Targets that replace the priority's for tickets in this category (null: none); an absent one keeps the priority's."),
});
export type Category = z.infer<typeof categorySchema>;

/** A support tier (Skedu's levels). */
export const tierSchema = z.strictObject({
  id: slug,
  label: localizedTextSchema,
  description: localizedTextSchema,
  escalationOnly: z.boolean().default(false).describe('Reached only by escalation, never by first classification.'),
  takesEstimate: z
    .boolean()
    .default(false)
    .describe('Agents at this tier record by when the problem can be solved (`/plazo estimate`): it becomes the resolution target.'),
  examples: z.array(z.string().min(1)).default([]),
});
export type Tier = z.infer<typeof tierSchema>;

export const requiredInformationSchema = z.strictObject({
  id: slug,
  label: localizedTextSchema,
  categories: z.array(slug).default([]).describe('Only tickets in these categories need it; empty means every ticket.'),
});

/**
 * When a hint applies, besides a triage flag rule naming it: every condition given must hold (a priority among `priorities`,
 * one of `flags` set, a subject of fewer than `subjectWordsBelow` words).
 */
export const hintWhenSchema = z.strictObject({
  priorities: z.array(priorityIdSchema).default([]),
  flags: z.array(slug).default([]),
  subjectWordsBelow: z.number().int().positive().optional().describe('The subject is too vague: fewer words than this.'),
});

/** What Plazo tells the customer on the ticket, once each, in the policy's locale (Spanish when that locale is missing). */
export const customerMessagesSchema = z
  .strictObject({
    caseOpened: localizedTextSchema.optional().describe('Said when a ticket opens; "{case}" is the number the customer reads.'),
    afterHours: localizedTextSchema
      .optional()
      .describe('Said to a request kept out of hours; "{opening}" is the instant it will be handled from.'),
    missingInformation: localizedTextSchema.optional().describe('Asks for required information; "{missing}" lists what is missing.'),
  })
  .describe('Said only before the first public agent reply; the after-hours message only before the opening.');

export const intakeSchema = z.strictObject({
  /** Out of open hours only these priorities may be reported; others are kept, flagged and start at the next opening. */
  afterHours: z
    .strictObject({
      allowedPriorities: z.array(priorityIdSchema).min(1),
      flag: slug.default('after-hours'),
      message: localizedTextSchema,
    })
    .optional(),
  requiredInformation: z.array(requiredInformationSchema).default([]),
  followUpCooldownMinutes: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "Minutes a requester should wait after an agent's public reply before writing again; an earlier message is flagged early-follow-up.",
    ),
  monthlyTicketQuota: z
    .union([z.number().int().positive(), z.literal('perPlan')])
    .optional()
    .describe(
      "Tickets a customer (organisation, else requester) may open per calendar month in the policy's zone; past it a ticket is " +
        'flagged over-quota. `perPlan`: the installation sets the number (settings monthlyTicketQuota, organizationQuotas).',
    ),
  rejectDuplicates: z
    .boolean()
    .default(false)
    .describe(
      'One ticket per matter: a new ticket like an open one of the same customer (similar subject, same category) is flagged ' +
        'possible-duplicate, naming it; people decide what follows.',
    ),
  hints: z
    .array(z.strictObject({ id: slug, text: localizedTextSchema, when: hintWhenSchema.optional() }))
    .default([])
    .describe('Things the customer should check before writing (ISP, Outlook, Windows…); shown to the agent when they apply.'),
  minimumContacts: z.number().int().nonnegative().optional().describe('Minimum number of extra contacts the customer must name.'),
  customerMessages: customerMessagesSchema.optional(),
});
export type Intake = z.infer<typeof intakeSchema>;

/** Peewah's "(i) una resolución, (ii) una iniciativa o (iii) un plan de acción": an agent marks the plan delivered. */
export const milestoneSchema = z.strictObject({
  id: slug,
  meets: z
    .array(z.enum(['firstResponse', 'resolution']))
    .min(1)
    .describe('The targets reaching it meets, as solving would.'),
  label: localizedTextSchema,
  source: z.string().optional(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const slaSettingsSchema = z.strictObject({
  pauseStatuses: z
    .array(slug)
    .default(['pending'])
    .describe('Ticket statuses that stop the resolution clock (pending on the customer, manufacturer…).'),
  atRiskRemainingRatio: z
    .number()
    .gt(0)
    .lt(1)
    .default(0.25)
    .describe('A running target is at risk when this share of it (or less) is left.'),
  binding: z.boolean().default(true).describe('The targets are guidance, not contract (Infraspeak); still shown.'),
  milestones: z.array(milestoneSchema).default([]).describe('What an agent marks on a ticket that meets a target without closing it.'),
});

export const policySchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editors use it to find the JSON Schema; Plazo ignores it.'),
    id: policyIdSchema,
    name: z.string().min(1),
    vendor: z.string().min(1),
    source: z.string().optional().describe('Seed file the policy is read from.'),
    locale: z.enum(['es', 'en', 'pt']).default('es'),
    calendar: calendarSchema.optional().describe('Absent when the vendor gives no open hours (then there are no business targets).'),
    priorities: z.array(prioritySchema).default([]),
    defaultPriority: priorityIdSchema
      .nullable()
      .default(null)
      .describe('Priority used when nothing else decides; null when the policy has no priorities.'),
    targets: targetsSchema
      .default({ firstResponse: null, resolution: null })
      .describe('Targets for tickets whose priority has none of its own (or for policies without priorities).'),
    exclusions: z.array(exclusionSchema).default([]),
    categories: z.array(categorySchema).default([]),
    tiers: z.array(tierSchema).default([]),
    intake: intakeSchema.default({ requiredInformation: [], rejectDuplicates: false, hints: [] }),
    sla: slaSettingsSchema.default({ pauseStatuses: ['pending'], atRiskRemainingRatio: 0.25, binding: true, milestones: [] }),
    /** Syntax by which customers declare a priority in the subject ("Prioridad Alta - …"). */
    declaredPriority: z
      .strictObject({
        prefixes: z
          .array(z.string().min(1))
          .default(['prioridad'])
          .describe('Words that introduce the priority word, lower-case without accents.'),
        synonyms: z
          .record(z.string(), z.array(z.string().min(1)))
          .default({})
          .describe('Extra words per priority a customer may write instead of its label ("urgent" → "urgente").'),
        bare: z
          .array(z.string().min(1))
          .default([])
          .describe('Words that declare a priority even with no prefix or punctuation after them ("URGENTE caja bloqueada").'),
      })
      .optional(),
    triage: triageRulesSchema.optional(),
  })
  // Cross-field checks run even when some fields are malformed, so an admin sees every problem at once.
  .superRefine((policy, ctx) => checkReferences(policy as unknown as Loose, ctx), { when: (payload) => isRecord(payload.value) });

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const records = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const field = (v: unknown, key: string): unknown => (isRecord(v) ? v[key] : undefined);

/** Checks that every id a policy mentions exists, and that business time has a calendar. */
function checkReferences(p: Loose, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const priorities = records(p.priorities);
  const ids = new Set<string>();
  priorities.forEach((pr, i) => {
    if (typeof pr.id !== 'string') return;
    if (ids.has(pr.id)) issue(['priorities', i, 'id'], `duplicate priority id "${pr.id}"`);
    ids.add(pr.id);
  });
  const known = (id: unknown, path: (string | number)[]) => {
    if (typeof id === 'string' && !ids.has(id)) issue(path, `unknown priority "${id}"; known: ${[...ids].join(', ') || 'none'}`);
  };
  known(p.defaultPriority, ['defaultPriority']);
  const afterHours = field(p.intake, 'afterHours');
  const allowed = field(afterHours, 'allowedPriorities');
  if (Array.isArray(allowed)) for (const [i, id] of allowed.entries()) known(id, ['intake', 'afterHours', 'allowedPriorities', i]);
  if (priorities.length > 0 && p.defaultPriority == null) issue(['defaultPriority'], 'a policy with priorities needs a defaultPriority');
  for (const [i, h] of records(field(p.intake, 'hints')).entries()) {
    const wanted = field(h.when, 'priorities');
    if (Array.isArray(wanted)) for (const [j, id] of wanted.entries()) known(id, ['intake', 'hints', i, 'when', 'priorities', j]);
  }
  checkPlaceholders(field(p.intake, 'customerMessages'), issue);

  const categories = new Set(records(p.categories).map((c) => c.id));
  for (const [i, r] of records(field(p.intake, 'requiredInformation')).entries()) {
    const wanted = Array.isArray(r.categories) ? r.categories : [];
    for (const [j, c] of wanted.entries()) {
      if (!categories.has(c)) issue(['intake', 'requiredInformation', i, 'categories', j], `unknown category "${String(c)}"`);
    }
  }

  if (p.calendar !== undefined) return;
  const targets: [unknown, (string | number)[]][] = [
    [field(p.targets, 'firstResponse'), ['targets', 'firstResponse']],
    [field(p.targets, 'resolution'), ['targets', 'resolution']],
    ...priorities.flatMap((pr, i): [unknown, (string | number)[]][] => [
      [field(pr.targets, 'firstResponse'), ['priorities', i, 'targets', 'firstResponse']],
      [field(pr.targets, 'resolution'), ['priorities', i, 'targets', 'resolution']],
    ]),
  ];
  for (const [t, path] of targets) if (field(t, 'clock') === 'business') issue(path, 'a business-time target needs a calendar');
  if (afterHours !== undefined) issue(['intake', 'afterHours'], 'after-hours intake needs a calendar');
}

/** A customer message may use only its own placeholders: "{cas}" would reach the customer as written. */
function checkPlaceholders(messages: unknown, issue: (path: (string | number)[], message: string) => void): void {
  if (!isRecord(messages)) return;
  for (const [key, allowed] of Object.entries(customerMessagePlaceholders)) {
    const text = messages[key];
    if (!isRecord(text)) continue;
    for (const [locale, value] of Object.entries(text)) {
      if (typeof value !== 'string') continue;
      for (const [, name] of value.matchAll(/\{([^{}]*)\}/g)) {
        if (!(allowed as readonly string[]).includes(name ?? ''))
          issue(
            ['intake', 'customerMessages', key, locale],
            `unknown placeholder "{${name}}"; known: ${allowed.map((a) => `{${a}}`).join(', ')}`,
          );
      }
    }
  }
}

/** A policy as written in a file (defaults not yet applied). */
export type PolicyInput = z.input<typeof policySchema>;
/** A validated policy with every default filled in. */
export type Policy = z.output<typeof policySchema>;
