import { z } from 'zod';

// Placeholder until the triage issue: the triage owner replaces this with the rule model.
export const triageRulesSchema = z.object({}).passthrough();
export type TriageRules = z.infer<typeof triageRulesSchema>;
