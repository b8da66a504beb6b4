import type { Reason } from '../evaluation/evaluation-schema.js';
import type { Policy } from '../policy/policy-schema.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';

/** An agent's mark naming a milestone or tier the policy does not have ("/plazo plan-delivred") is said, never dropped silently. */
export function unknownMarks(policy: Policy, timeline: readonly TimelineEvent[]): Reason[] {
  const milestones = policy.sla.milestones.map((m) => m.id);
  const tiers = policy.tiers.map((t) => t.id);
  const out: Reason[] = [];
  const said = new Set<string>();
  for (const e of timeline) {
    const [kind, id, known] =
      e.type === 'milestone'
        ? (['milestone', e.milestone, milestones] as const)
        : e.type === 'tier'
          ? (['tier', e.tier, tiers] as const)
          : [];
    if (!kind || known.includes(id) || said.has(`${kind}:${id}`)) continue;
    said.add(`${kind}:${id}`);
    out.push({
      rule: `unknown-${kind}:${id}`,
      kind: 'calendar',
      detail: `An agent marked ${kind} "${id}", which policy ${policy.id} does not have (known: ${known.join(', ') || 'none'}): it changes nothing.`,
      evidence: [],
      confidence: 1,
    });
  }
  return out;
}
