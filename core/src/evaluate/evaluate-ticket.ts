import { zonedIsoWriter } from '../calendar/zoned-iso-writer.js';
import type { Evaluation, Reason } from '../evaluation/evaluation-schema.js';
import { checkHistory } from '../history/check-history.js';
import type { TicketHistory } from '../history/ticket-history.js';
import { composeMessages } from '../messages/compose-messages.js';
import { policyCalendar } from '../policy/policy-calendar.js';
import type { Policy } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';
import { computeSla } from '../sla/compute-sla.js';
import type { Ticket } from '../ticket/ticket-schema.js';
import { triage } from '../triage/triage.js';
import { agentEscalation } from './agent-escalation.js';
import { findPriority } from './find-priority.js';
import { milestoneReasons } from './milestone-reasons.js';
import { ticketTargets } from './ticket-targets.js';
import { unknownMarks } from './unknown-marks.js';

export type EvaluateCode = 'unknown-priority' | 'invalid-policy' | 'outside-calendar';

/** What an installation tunes over its policy; the policy object is left as it is (its compiled calendar and rules are cached on it). */
export type EvaluateOptions = {
  /** Replaces the policy's `sla.atRiskRemainingRatio`: a running target is at risk when this share of it (or less) is left, in (0, 1). */
  atRiskRemainingRatio?: number;
  /** The customer's history (their other open tickets, this month's count); without it duplicates and quotas are not checked. */
  history?: TicketHistory;
  /** This customer's monthly ticket limit from the installation's settings; replaces the policy's `intake.monthlyTicketQuota`. */
  monthlyTicketQuota?: number;
};

/**
 * Decides a ticket's priority, tier, exclusion and flags (triage, or the agent's forced priority)
 * and its deadlines and SLA state at `nowMs`. Pure: the same inputs give the same evaluation. `options` tune the SLA
 * settings per installation without a new policy object.
 */
export function evaluateTicket(
  policy: Policy,
  ticket: Ticket,
  nowMs: number,
  options: EvaluateOptions = {},
): Result<Evaluation, EvaluateCode> {
  const calendar = policyCalendar(policy);
  if (!calendar.ok) return fail('invalid-policy', `policy ${policy.id} has an unusable calendar: ${calendar.issue.detail}`);
  const cal = calendar.value;
  // Instants in the calendar's zone from its compiled offsets: no Intl call per instant.
  const iso = zonedIsoWriter(undefined, cal);
  // The ticket schema admits only ISO instants with an offset, which Date.parse reads exactly.
  const createdAtMs = Date.parse(ticket.createdAt);
  if (cal) {
    // Clocks run from creation to now; the timeline counts only in between, so these two bound every instant used.
    for (const [what, ms] of [
      ['created', createdAtMs],
      ['evaluated at', nowMs],
    ] as const) {
      if (ms >= cal.fromMs && ms < cal.toMs) continue;
      const range = `${cal.fromYear}–${cal.toYear}, from ${iso(cal.fromMs)} until ${iso(cal.toMs)}`;
      const detail = `ticket ${ticket.id}: ${what} ${iso(ms)}, outside the years policy ${policy.id}'s calendar covers (${range})`;
      return fail('outside-calendar', detail);
    }
  }

  const triaged = triage(policy, { subject: ticket.subject, body: ticket.body });
  const reasons: Reason[] = [];
  const flags = new Set(triaged.flags);
  let priority = triaged.priority === null ? undefined : findPriority(policy, triaged.priority);
  let exclusion = triaged.exclusion;

  if (ticket.priority !== undefined) {
    const forced = findPriority(policy, ticket.priority);
    if (!forced) {
      const known = policy.priorities.map((p) => p.id).join(', ') || 'none (this policy has no priorities)';
      return fail('unknown-priority', `unknown priority "${ticket.priority}" for policy ${policy.id}; known: ${known}`);
    }
    reasons.push({
      rule: 'override',
      kind: 'override',
      detail: `Priority ${forced.id} set by an agent${priority && priority.id !== forced.id ? ` (triage suggested ${priority.id})` : ''}.`,
      evidence: [],
      confidence: 1,
    });
    if (exclusion) {
      // An agent who sets a priority has judged the ticket in scope, so the exclusion no longer holds.
      reasons.push({
        rule: `exclusion:${exclusion.id}`,
        kind: 'exclusion',
        detail: `Exclusion "${exclusion.id}" not applied: an agent set the priority.`,
        evidence: [],
        confidence: 1,
      });
      exclusion = null;
    }
    priority = forced;
  }
  // Under an override, triage's priority reasons would argue for a decision nobody is making.
  const priorityKinds: ReadonlySet<Reason['kind']> = new Set(['priority', 'default', 'declared-priority']);
  reasons.push(...triaged.reasons.filter((r) => ticket.priority === undefined || !priorityKinds.has(r.kind)));

  // An agent's escalation (Skedu's levels 2 and 3) replaces triage's tier; its flags (supervisor) stay.
  const escalation = agentEscalation(policy, ticket.timeline, nowMs);
  const tierId = escalation?.tier.id ?? triaged.tier;
  if (escalation && escalation.tier.id !== triaged.tier) {
    const label = escalation.tier.label[policy.locale] ?? escalation.tier.label.es;
    reasons.push({
      rule: `escalation:${escalation.tier.id}`,
      kind: 'tier',
      detail: `Escalated to ${label} by an agent at ${iso(escalation.atMs)}${triaged.tier ? ` (triage: ${triaged.tier})` : ''}.`,
      evidence: [],
      confidence: 1,
    });
  }

  let startMs = createdAtMs;
  let afterHoursOpeningMs: number | null = null;
  const afterHours = policy.intake.afterHours;
  if (afterHours && cal && !exclusion && !cal.isOpen(createdAtMs) && !(priority && afterHours.allowedPriorities.includes(priority.id))) {
    const opening = cal.nextOpening(createdAtMs);
    if (!Number.isNaN(opening)) startMs = afterHoursOpeningMs = opening;
    flags.add(afterHours.flag);
    reasons.push({
      rule: 'intake:after-hours',
      kind: 'intake',
      detail: `Received out of hours and not ${afterHours.allowedPriorities.join('/')}: clocks start at the next opening (${iso(startMs)}). Rule quoted to the customer: ${afterHours.message[policy.locale] ?? afterHours.message.es}`,
      evidence: [],
      confidence: 1,
    });
  }

  const history = checkHistory({
    policy,
    ticket,
    category: triaged.category,
    history: options.history,
    monthlyTicketQuota: options.monthlyTicketQuota,
    iso,
  });
  for (const flag of history.flags) flags.add(flag);
  reasons.push(...history.reasons);

  const own = ticketTargets({
    policy,
    excluded: exclusion !== null,
    priority,
    category: triaged.category,
    tier: policy.tiers.find((t) => t.id === tierId),
    timeline: ticket.timeline,
    calendar: cal,
    nowMs,
    iso,
  });
  reasons.push(...own.reasons);
  const sla = computeSla({
    calendar: cal,
    targets: own.targets,
    starts: own.starts,
    timeline: ticket.timeline,
    createdAtMs,
    startMs,
    nowMs,
    settings:
      options.atRiskRemainingRatio === undefined ? policy.sla : { ...policy.sla, atRiskRemainingRatio: options.atRiskRemainingRatio },
  });
  if (!sla.ok) return fail('outside-calendar', `ticket ${ticket.id}: ${sla.issue.detail}`);
  reasons.push(...milestoneReasons(policy, sla.value), ...unknownMarks(policy, ticket.timeline));

  return ok({
    id: ticket.id,
    policy: policy.id,
    priority: priority?.id ?? null,
    tier: tierId,
    category: triaged.category,
    excluded: exclusion !== null,
    exclusion,
    flags: [...flags].sort(),
    reasons,
    deadlines: { firstResponse: sla.value.firstResponse?.dueAt ?? null, resolution: sla.value.resolution?.dueAt ?? null },
    sla: { firstResponse: sla.value.firstResponse, resolution: sla.value.resolution },
    messages: composeMessages(
      policy,
      ticket,
      {
        priority: priority?.id ?? null,
        category: triaged.category,
        tier: tierId,
        flags: [...flags],
        missing: triaged.missingInformation,
        afterHoursOpeningMs,
      },
      cal,
      nowMs,
    ),
    nextCheckAt: sla.value.nextCheckAt,
    evaluatedAt: iso(nowMs),
  });
}
