import * as z from 'zod';

/**
 * A linear model over the words of a ticket, trained on labelled tickets (`npm run train`): per word, one weight per label.
 * Triage asks it only as a second reader: when it disagrees with the rules with at least `threshold` probability, it decides,
 * and a reason names the words that weighed most.
 */
export const textModelSchema = z
  .strictObject({
    /** What the model decides: a priority id, a tier id, or `excluded:<exclusion id>`. */
    labels: z.array(z.string().regex(/^(?:excluded:)?[a-z0-9][a-z0-9-]*$/)).min(2),
    bias: z.array(z.number()),
    /** Normalised word (lower case, no accents) → one weight per label. */
    words: z.record(z.string().min(1), z.array(z.number())),
    /** The probability the model's label needs before it overrides the rules. */
    threshold: z.number().min(0.5).max(1),
    /** The fewest distinct words the model needs to read before it may override: a short text is the rules' alone. */
    minWords: z.number().int().min(0).default(0),
    trainedOn: z.strictObject({
      tickets: z.number().int().positive(),
      /** sha256 of the training tickets, so a test can tell when the labelled sets changed and the model was not retrained. */
      digest: z.string(),
    }),
  })
  .superRefine((m, ctx) => {
    if (m.bias.length !== m.labels.length)
      ctx.addIssue({ code: 'custom', path: ['bias'], message: `needs one weight per label (${m.labels.length})` });
    for (const [word, weights] of Object.entries(m.words))
      if (weights.length !== m.labels.length)
        ctx.addIssue({ code: 'custom', path: ['words', word], message: `needs one weight per label (${m.labels.length})` });
  });
export type TextModel = z.infer<typeof textModelSchema>;

/** A model's label for an exclusion: `excluded:<exclusion id>`. */
const EXCLUDED = 'excluded:';

/** The label a text model uses for the exclusion `id`. */
export function exclusionLabel(id: string): string {
  return `${EXCLUDED}${id}`;
}

/** The exclusion id a model label names, or null when the label is a priority or tier. */
export function excludedIdOf(label: string): string | null {
  return label.startsWith(EXCLUDED) ? label.slice(EXCLUDED.length) : null;
}

/** A decision as a model label: the exclusion, else the priority, else the tier (what the rules decided, or a ticket's label). */
export function decisionLabel(d: { priority: string | null; tier: string | null; exclusion: { id: string } | null }): string | null {
  return d.exclusion ? exclusionLabel(d.exclusion.id) : (d.priority ?? d.tier);
}
