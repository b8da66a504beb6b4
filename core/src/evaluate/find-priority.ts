import type { Policy, Priority } from '../policy/policy-schema.js';
import { foldText } from '../triage/fold-text.js';

/** Finds a priority by id or by any of its labels, ignoring case and accents ("Média" finds "media"). */
export function findPriority(policy: Policy, name: string): Priority | undefined {
  const wanted = foldText(name).trim();
  return policy.priorities.find((p) => p.id === wanted || Object.values(p.labels).some((label) => foldText(label).trim() === wanted));
}
