import {
  type Evaluation,
  evaluateTicket,
  type Issue,
  type Policy,
  parsePolicy,
  parseTicket,
  policyCalendar,
  policySchema,
  type TargetStatus,
  targetStatusAt,
  toProblems,
} from '@plazo/core';
import { previewTicket, type ZafTicketFields } from './preview-ticket.js';

// Loaded on demand (a separate chunk). A badge needs only the policy's calendar, so the policy is shape-checked and its
// calendar compiled; its triage rules compile only when a preview evaluates a ticket (the costly part, hundreds of ms).

export type Engine = {
  policy: Policy;
  /** A target's status at `nowMs`, moved on from the evaluation's without a network call. */
  statusAt(status: TargetStatus, nowMs: number): TargetStatus;
  /** The evaluation the Worker would give this ticket before any activity: the browser preview. */
  preview(subdomain: string, fields: ZafTicketFields, nowMs: number): { ok: true; value: Evaluation } | { ok: false; issue: Issue };
};

export function loadEngine(policyDocument: unknown): { ok: true; value: Engine } | { ok: false; issue: Issue } {
  const shaped = policySchema.safeParse(policyDocument);
  if (!shaped.success) {
    const problems = toProblems(shaped.error);
    return { ok: false, issue: { code: 'invalid-policy', detail: problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems } };
  }
  const policy = shaped.data;
  const calendar = policyCalendar(policy);
  if (!calendar.ok) return calendar;
  const ratio = policy.sla.atRiskRemainingRatio;
  let checked: ReturnType<typeof parsePolicy> | undefined;
  return {
    ok: true,
    value: {
      policy,
      statusAt: (status, nowMs) => targetStatusAt(status, calendar.value, nowMs, ratio),
      preview(subdomain, fields, nowMs) {
        // The whole check (zone, holidays, triage rules compiled), once, before the first preview.
        checked ??= parsePolicy(policyDocument);
        if (!checked.ok) return checked;
        const ticket = parseTicket(previewTicket(subdomain, fields, nowMs));
        if (!ticket.ok) return ticket;
        return evaluateTicket(checked.value, ticket.value, nowMs);
      },
    },
  };
}
