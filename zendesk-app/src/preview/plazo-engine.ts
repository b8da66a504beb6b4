import {
  type Evaluation,
  evaluateTicket,
  type Issue,
  type Policy,
  parsePolicy,
  parseTicket,
  policyCalendar,
  type TargetStatus,
  targetStatusAt,
} from '@plazo/core';
import { previewTicket, type ZafTicketFields } from './preview-ticket.js';

// Loaded on demand (a separate chunk): the policy is parsed and its calendar compiled only when a badge or a preview needs it.

export type Engine = {
  policy: Policy;
  /** A target's status at `nowMs`, moved on from the evaluation's without a network call. */
  statusAt(status: TargetStatus, nowMs: number): TargetStatus;
  /** The evaluation the Worker would give this ticket before any activity: the browser preview. */
  preview(subdomain: string, fields: ZafTicketFields, nowMs: number): { ok: true; value: Evaluation } | { ok: false; issue: Issue };
};

export function loadEngine(policyDocument: unknown): { ok: true; value: Engine } | { ok: false; issue: Issue } {
  const parsed = parsePolicy(policyDocument);
  if (!parsed.ok) return parsed;
  const policy = parsed.value;
  const calendar = policyCalendar(policy);
  if (!calendar.ok) return calendar;
  const ratio = policy.sla.atRiskRemainingRatio;
  return {
    ok: true,
    value: {
      policy,
      statusAt: (status, nowMs) => targetStatusAt(status, calendar.value, nowMs, ratio),
      preview(subdomain, fields, nowMs) {
        const ticket = parseTicket(previewTicket(subdomain, fields, nowMs));
        if (!ticket.ok) return ticket;
        return evaluateTicket(policy, ticket.value, nowMs);
      },
    },
  };
}
