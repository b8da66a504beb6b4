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
