import * as z from 'zod';
import { textModelSchema } from './text-model-schema.js';

/**
 * Triage rules live in the policy data, so an admin's custom policy gets the same triage.
 *
 * A pattern is a sequence of slots matched against the ticket's normalised words
 * (lower-case, no accents, repeated letters collapsed), inside one clause:
 *   `factur*`        a stem: any word starting with "factur" (a stem of 6+ letters tolerates one slip before its last letter)
 *   `caido`          a word (typos tolerated in ticket words of 7+ letters: one slip up to 8, two edits from 9; `=word` turns that off)
 *   `pod*|pued*`     alternatives for one word
 *   `@cannot`        a lexicon entry (the built-in one, extended by `lexicon`), itself patterns
 *   `@can|puedo`     lexicon entries and words may be alternatives of one slot
 *   `@still?`        a trailing "?" makes a slot optional
 *   `a_veces|nunca`  "_" joins the words of a phrase that is one alternative
 *   `...`            a wider gap (up to 6 words) between the slots around it
 * Between two slots up to `gap` words may stand (default 2). Clauses end at punctuation
 * and at contrast words ("pero", "but", ", mas"), so a pattern never spans a contrast; the contrast
 * word itself is the first word of its clause ("pero @working"). A gap never skips a negation.
 */
export const patternSchema = z.string().trim().min(1);

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');

/** How a match preceded by a negation ("no", "nadie", "sin"…, up to 3 words before) counts. */
const negationSchema = z.enum(['skip', 'only', 'any']);

const ruleFields = {
  /** Stable id, shown in reasons as `<kind>:<target>/<id>`. */
  id: slug,
  patterns: z.array(patternSchema).min(1),
  /** Evidence strength: 1 weak hint, 2 typical wording, 3 the definition itself. */
  weight: z.number().positive().max(10).default(2),
  negation: negationSchema.default('skip'),
  /** One sentence for the agent: what this rule recognises. */
  note: z.string().optional(),
  /** When set, the rule fires only if one of these also matches somewhere in the ticket. */
  with: z.array(patternSchema).default([]),
};

export const priorityRuleSchema = z.strictObject({
  ...ruleFields,
  priority: slug,
  /**
   * A match of the rule does not count when one of these matches in the same clause: a formula of politeness or procedure
   * ("¿cómo podemos proceder?", "como pueden imaginar", "solicitamos su apoyo") is not a how-to question or a request.
   */
  unless: z.array(patternSchema).default([]),
});
export type PriorityRule = z.infer<typeof priorityRuleSchema>;

/**
 * "At most this priority" (a workaround exists, the service keeps working): caps the more severe priorities.
 * A match right after a hypothetical word of the lexicon entry `hypothetical` (up to 3 words before, same clause:
 * "sería una alternativa", "we could do it by hand") does not count: a workaround that is only imagined caps nothing.
 */
export const ceilingRuleSchema = z.strictObject({
  ...ruleFields,
  max: slug,
  /**
   * true: the match is also evidence for `max` itself (weight as a priority rule's), as when `max`'s definition is
   * "there is a workaround". false: it only caps, so "the rest keeps working" never pushes a ticket up to `max`.
   */
  evidence: z.boolean().default(true),
});
export type CeilingRule = z.infer<typeof ceilingRuleSchema>;

export const exclusionRuleSchema = z.strictObject({
  ...ruleFields,
  negation: negationSchema.default('any'),
  exclusion: slug,
  /** When any of these matches, the exclusion does not apply (e.g. attendees cannot reach the stream). */
  unless: z.array(patternSchema).default([]),
});
export type ExclusionRule = z.infer<typeof exclusionRuleSchema>;

export const tierRuleSchema = z.strictObject({
  ...ruleFields,
  tier: slug,
  /** Flags set when this rule decides the tier (e.g. "supervisor"). */
  flags: z.array(slug).default([]),
});
export type TierRule = z.infer<typeof tierRuleSchema>;

export const categoryRuleSchema = z.strictObject({ ...ruleFields, negation: negationSchema.default('any'), category: slug });
export type CategoryRule = z.infer<typeof categoryRuleSchema>;

export const flagRuleSchema = z.strictObject({
  ...ruleFields,
  negation: negationSchema.default('any'),
  flag: slug,
  /** Id of one of the policy's intake hints, quoted in the reason. */
  hint: slug.optional(),
  /** false: the matched words are never shown (offensive language) and are masked in every reason. */
  echo: z.boolean().default(true),
  /** Only checked for tickets in these categories; empty means all. */
  categories: z.array(slug).default([]),
});
export type FlagRule = z.infer<typeof flagRuleSchema>;

/** How one piece of required information is recognised in the ticket's text. */
export const detectorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email') }),
  z.strictObject({ kind: z.literal('phone') }),
  z.strictObject({ kind: z.literal('url') }),
  /** A person's name: "soy …", "mi nombre es …", a signature, a capitalised first and last name. */
  z.strictObject({ kind: z.literal('person-name') }),
  /** At least the policy's `intake.minimumContacts` distinct e-mail addresses (one when it names no minimum): people to contact. */
  z.strictObject({ kind: z.literal('contacts') }),
  /** At least `min` words of description in the body. */
  z.strictObject({ kind: z.literal('words'), min: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('patterns'), patterns: z.array(patternSchema).min(1) }),
]);
export type Detector = z.infer<typeof detectorSchema>;

export const requiredInformationRuleSchema = z.strictObject({
  /** Id of an entry of the policy's `intake.requiredInformation`. */
  requirement: slug,
  /** Present when any detector finds it. */
  anyOf: z.array(detectorSchema).min(1),
});

export const triageRulesSchema = z.strictObject({
  /** Extra lexicon entries (`@name` in patterns); an entry named like a built-in one replaces it. */
  lexicon: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(patternSchema).min(1)).default({}),
  /** Default number of words allowed between two slots of a pattern. */
  gap: z.number().int().min(0).max(6).default(2),
  priorities: z.array(priorityRuleSchema).default([]),
  ceilings: z.array(ceilingRuleSchema).default([]),
  exclusions: z.array(exclusionRuleSchema).default([]),
  tiers: z.array(tierRuleSchema).default([]),
  /** Tier of a ticket no tier rule recognises (first-line support). */
  defaultTier: slug.nullable().default(null),
  categories: z.array(categoryRuleSchema).default([]),
  defaultCategory: slug.nullable().default(null),
  flags: z.array(flagRuleSchema).default([]),
  requiredInformation: z.array(requiredInformationRuleSchema).default([]),
  /** Flag set when required information is missing. */
  missingInformationFlag: slug.default('missing-information'),
  decision: z
    .strictObject({
      /** Score the text needs before it overrides a declared priority. */
      clearScore: z.number().positive().default(3),
      /** Lead over the declared priority's own score the text needs to override it. */
      clearMargin: z.number().nonnegative().default(1.5),
      /** Weight multiplier of evidence that follows a contrast word ("…, pero …"). */
      afterContrast: z.number().positive().default(1.5),
    })
    .default({ clearScore: 3, clearMargin: 1.5, afterContrast: 1.5 }),
  /** A text model trained on labelled tickets (`npm run train`), read after the rules as a second reader; none: rules only. */
  model: textModelSchema.optional(),
});
export type TriageRules = z.infer<typeof triageRulesSchema>;
export type TriageRulesInput = z.input<typeof triageRulesSchema>;
