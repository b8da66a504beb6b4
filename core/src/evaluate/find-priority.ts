import type { Policy, Priority } from '../policy/policy-schema.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** Finds a priority by id or by any of its labels, ignoring case and accents ("Média" finds "media"). */
export function findPriority(policy: Policy, name: string): Priority | undefined {
  const wanted = fold(name);
  return policy.priorities.find((p) => p.id === wanted || Object.values(p.labels).some((label) => fold(label) === wanted));
}
