import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Reason, TargetName } from '../evaluation/evaluation-schema.js';
import type { Policy, Priority, Targets, Tier } from '../policy/policy-schema.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';
import { agentEstimate } from './agent-estimate.js';

export type TicketTargets = { targets: Targets; starts: Partial<Record<TargetName, number>>; reasons: Reason[] };

const none: Targets = { firstResponse: null, resolution: null };

/**
 * The targets a ticket's clocks run against: none when excluded; else its priority's (or the policy's), replaced target by
 * target by its category's (WebSaaS: congratulations and suggestions have nothing to solve), and the resolution by an
 * agent's estimate while its tier takes estimates (Skedu's level 3), counted from when it was given.
 */
export function ticketTargets(input: {
  policy: Policy;
  excluded: boolean;
  priority: Priority | undefined;
  category: string | null;
  tier: Tier | undefined;
  timeline: readonly TimelineEvent[];
  calendar: BusinessCalendar | null;
  nowMs: number;
  iso: (ms: number) => string;
}): TicketTargets {
  const { policy } = input;
  if (input.excluded) return { targets: none, starts: {}, reasons: [] };
  const reasons: Reason[] = [];
  let targets: Targets = input.priority?.targets ?? policy.targets;

  const category = policy.categories.find((c) => c.id === input.category);
  const own = category?.targets;
  if (category && own) {
    const replaced = (['firstResponse', 'resolution'] as const).filter((n) => own[n] !== undefined);
    targets = { ...targets, ...own };
    const said = replaced.map((n) => `${n === 'firstResponse' ? 'first response' : 'resolution'} ${own[n] ? describe(own[n]) : 'none'}`);
    if (replaced.length > 0)
      reasons.push({
        rule: `category-targets:${category.id}`,
        kind: 'calendar',
        detail: `${category.label[policy.locale] ?? category.label.es} has its own targets: ${said.join(', ')}.`,
        evidence: [],
        confidence: 1,
      });
  }

  const starts: Partial<Record<TargetName, number>> = {};
  if (input.tier?.takesEstimate) {
    const estimate = agentEstimate(input.timeline, input.calendar, input.nowMs);
    if (!estimate.ok) {
      reasons.push({
        rule: 'estimate',
        kind: 'calendar',
        detail: `Estimate not applied: ${estimate.detail}.`,
        evidence: [],
        confidence: 1,
      });
    } else if (estimate.value) {
      targets = { ...targets, resolution: estimate.value.target };
      starts.resolution = estimate.value.startMs;
      reasons.push({
        rule: 'estimate',
        kind: 'calendar',
        detail: `Resolution estimated by an agent at ${input.iso(estimate.value.startMs)}: ${describe(estimate.value.target)} from then.`,
        evidence: [],
        confidence: 1,
      });
    }
  }
  return { targets, starts, reasons };
}

function describe(t: { amount: number; unit: string; clock: string }): string {
  const unit = t.unit === 'businessDays' ? 'business days' : t.unit;
  return `${t.amount} ${unit}${t.clock === 'business' && t.unit !== 'businessDays' ? ' of business time' : ''}`;
}
