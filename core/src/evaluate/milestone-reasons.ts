import type { Reason, TargetStatus } from '../evaluation/evaluation-schema.js';
import type { Policy } from '../policy/policy-schema.js';

const targetWords = { firstResponse: 'first response', resolution: 'resolution' } as const;

/** Says which targets an agent's milestone met (Peewah's action plan), in the policy's words for the milestone. */
export function milestoneReasons(policy: Policy, sla: { firstResponse: TargetStatus | null; resolution: TargetStatus | null }): Reason[] {
  const out: Reason[] = [];
  for (const status of [sla.firstResponse, sla.resolution]) {
    const milestone = status?.metBy ? policy.sla.milestones.find((m) => m.id === status.metBy) : undefined;
    if (!status || !milestone) continue;
    const label = milestone.label[policy.locale] ?? milestone.label.es;
    out.push({
      rule: `milestone:${milestone.id}`,
      kind: 'calendar',
      detail: `${label}, marked by an agent at ${status.metAt}: the ${targetWords[status.target]} target is ${status.state} without closing the ticket.`,
      evidence: [],
      confidence: 1,
    });
  }
  return out;
}
