// The public API of @plazo/core: everything the worker, the Zendesk app and the Forge app may use.

export type { BusinessCalendar } from './calendar/business-calendar.js';
export { compileCalendar } from './calendar/compile-calendar.js';
export { toZonedIso } from './calendar/to-zoned-iso.js';
export { dueAt } from './deadline/due-at.js';
export { targetDurationMs } from './deadline/target-duration-ms.js';
export { type EvaluateCode, type EvaluateOptions, evaluateTicket } from './evaluate/evaluate-ticket.js';
export { findPriority } from './evaluate/find-priority.js';
export * from './evaluation/evaluation-schema.js';
export { type CalendarMonth, calendarMonth } from './history/calendar-month.js';
export { DUPLICATE_SIMILARITY } from './history/check-history.js';
export type { HistoryTicket, TicketHistory } from './history/ticket-history.js';
export { builtInPolicies } from './policies/built-in-policies.js';
export { findPolicy } from './policies/find-policy.js';
export { formatLocalInstant } from './messages/format-local-instant.js';
export * from './messages/ticket-message-schema.js';
export { formatPath, parsePolicy, toProblems } from './policy/parse-policy.js';
export { policyCalendar } from './policy/policy-calendar.js';
export { toPolicyJsonSchema } from './policy/policy-json-schema.js';
export * from './policy/policy-schema.js';
export * from './result.js';
export { computeSla } from './sla/compute-sla.js';
export { type OverallSlaState, overallSlaState } from './sla/overall-sla-state.js';
export { targetStatusAt } from './sla/target-status-at.js';
export { parseTicket } from './ticket/parse-ticket.js';
export * from './ticket/ticket-schema.js';
export { TRIAGE_BODY_CHARS, TRIAGE_SUBJECT_CHARS, triage } from './triage/triage.js';
