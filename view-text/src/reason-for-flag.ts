import type { Evaluation, Policy, Reason } from '@plazo/core';

/** The reason that explains a flag, if the evaluation has one. */
export function reasonForFlag(flag: string, evaluation: Evaluation, policy: Policy | null): Reason | undefined {
  const { reasons } = evaluation;
  const own = reasons.find((r) => r.rule === `intake:${flag}` || r.rule.startsWith(`intake:${flag}/`) || r.rule === `history:${flag}`);
  if (own) return own;
  if (policy?.intake.afterHours?.flag === flag) return reasons.find((r) => r.rule === 'intake:after-hours');
  if (flag === 'priority-mismatch') return reasons.find((r) => r.rule === 'declared-priority/mismatch');
  if (evaluation.exclusion && policy?.exclusions.some((e) => e.id === evaluation.exclusion?.id && e.flags.includes(flag)))
    return reasons.find((r) => r.kind === 'exclusion' && r.rule.startsWith(`exclusion:${evaluation.exclusion?.id}/`));
  if (policy?.triage?.tiers.some((r) => r.tier === evaluation.tier && r.flags.includes(flag)))
    return reasons.find((r) => r.kind === 'tier');
  return undefined;
}
