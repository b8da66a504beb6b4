import * as z from 'zod';
import { reasonSchema } from '../evaluation/evaluation-schema.js';

/** What triage decides from a ticket's text alone; the lead's evaluate() adds calendar, overrides and deadlines. */
export const triageResultSchema = z.object({
  priority: z.string().nullable(),
  /** The priority the customer wrote in the subject, if any. */
  declaredPriority: z.string().nullable(),
  tier: z.string().nullable(),
  category: z.string().nullable(),
  exclusion: z.object({ id: z.string(), description: z.string() }).nullable(),
  flags: z.array(z.string()),
  reasons: z.array(reasonSchema),
  /** Ids of the policy's intake.requiredInformation the ticket does not give. */
  missingInformation: z.array(z.string()),
});
export type TriageResult = z.infer<typeof triageResultSchema>;
