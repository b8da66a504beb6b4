// The public API of @plazo/core: what the Worker's host adapters, the Zendesk and Forge apps and a library user need.
// The CLI, benches, evaluation and scripts import core's modules by path; everything not listed here is internal.
// One line per export says what it is for; biome keeps the exports sorted by path.

export type { BusinessCalendar } from './calendar/business-calendar.js';
/** Applies a policy to a ticket at an instant: priority, exclusion, tier, category, flags, SLA clocks, messages, reasons. */
export { type EvaluateCode, type EvaluateOptions, evaluateTicket } from './evaluate/evaluate-ticket.js';
export type { Evaluation, Reason, SlaState, TargetName, TargetStatus } from './evaluation/evaluation-schema.js';
/** The calendar month holding an instant in the policy's zone: monthly quotas count the tickets created in it. */
export { type CalendarMonth, calendarMonth } from './history/calendar-month.js';
/** Two subjects name one matter from this share of shared words (Jaccard similarity). */
export { DUPLICATE_SIMILARITY } from './history/check-history.js';
export type { HistoryTicket, TicketHistory } from './history/ticket-history.js';
/** An instant as a customer reads it, in the policy zone's offset and the policy's locale. */
export { formatLocalInstant } from './messages/format-local-instant.js';
/** What the ticket should say (customer and agent messages), and the placeholders each customer message may use. */
export * from './messages/ticket-message-schema.js';
/**
 * The policies Plazo ships, by id (websaas, peewah, skedu, soporte-justo, infraspeak); LazyPolicyMap reads the same documents kept
 * elsewhere (the Worker's static assets), each by the policy schema on first use.
 */
export { builtInPolicies, LazyPolicyMap } from './policies/built-in-policies.js';
/** A policy by id among the given ones, or `unknown-policy` naming the known ids. */
export { findPolicy } from './policies/find-policy.js';
/** The host level (Zendesk's, Jira's priorities) a policy priority gets by its rank when no one mapped it. */
export { levelByRank } from './policy/level-by-rank.js';
/** Validates a policy document whole (an installation's own policy): every problem by path, nothing accepted in part. */
export { parsePolicy, toProblems } from './policy/parse-policy.js';
/** A policy's business calendar, compiled once per policy object (null when it has no open hours). */
export { policyCalendar } from './policy/policy-calendar.js';
export type {
  CalendarSpec,
  Category,
  Exclusion,
  Intake,
  LocalizedText,
  Milestone,
  OpenInterval,
  Policy,
  PolicyId,
  PolicyInput,
  Priority,
  PriorityId,
  Target,
  Targets,
  Tier,
} from './policy/policy-schema.js';
/** The policy's schema (zod), for a host that checks a pasted policy before sending it. */
export { policySchema } from './policy/policy-schema.js';
export type { Failure, Issue, Problem, Result, Success } from './result.js';
/** `ok(value)` and `fail(code, detail)`: the Result every fallible call returns. */
export { fail, ok } from './result.js';
/** One state for a whole ticket (its worst target's, `excluded`, or `none`): what a badge, label or filter shows. */
export { type OverallSlaState, overallSlaState } from './sla/overall-sla-state.js';
/** A target's status at a later instant with nothing new on the ticket: what a countdown shows between evaluations. */
export { targetStatusAt } from './sla/target-status-at.js';
/** Validates a ticket from outside (an API body, a CLI line): every problem by path. */
export { parseTicket } from './ticket/parse-ticket.js';
export type { Ticket, TicketId, TicketInput, TimelineEvent } from './ticket/ticket-schema.js';
export type { TextModel } from './triage/text-model-schema.js';
/** Triage alone: what the subject and body say (priority, exclusion, tier, category, flags), with reasons. */
export { triage } from './triage/triage.js';
export type { TriageResult } from './triage/triage-result-schema.js';
export type { TriageRules } from './triage/triage-rules-schema.js';
