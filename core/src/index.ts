// The public API of @plazo/core: everything the worker, the Zendesk app and the Forge app may use.
export * from './result.js';
export * from './policy/policy-schema.js';
export { parsePolicy, formatPath } from './policy/parse-policy.js';
export { policyCalendar } from './policy/policy-calendar.js';
export { toPolicyJsonSchema } from './policy/policy-json-schema.js';
export { builtInPolicies } from './policies/built-in-policies.js';
export * from './ticket/ticket-schema.js';
export { parseTicket } from './ticket/parse-ticket.js';
export * from './evaluation/evaluation-schema.js';
export { evaluateTicket, type EvaluateCode } from './evaluate/evaluate-ticket.js';
export { findPriority } from './evaluate/find-priority.js';
export type { BusinessCalendar } from './calendar/business-calendar.js';
export { compileCalendar } from './calendar/compile-calendar.js';
export { toZonedIso } from './calendar/to-zoned-iso.js';
export { dueAt } from './deadline/due-at.js';
export { targetDurationMs } from './deadline/target-duration-ms.js';
export { computeSla } from './sla/compute-sla.js';
export { triage } from './triage/triage.js';
