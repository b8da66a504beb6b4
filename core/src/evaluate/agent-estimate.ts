import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Target } from '../policy/policy-schema.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';

/** An agent's estimate as a resolution target counted from when it was given. */
export type AgentEstimate = { target: Target; startMs: number };

/**
 * The latest estimate given by `nowMs` (a new estimate replaces the old). Hours and minutes count support hours when the
 * policy has a calendar (an estimate is work time), else elapsed time; business days need the calendar.
 */
export function agentEstimate(
  timeline: readonly TimelineEvent[],
  calendar: BusinessCalendar | null,
  nowMs: number,
): { ok: true; value: AgentEstimate | null } | { ok: false; detail: string } {
  let latest: { ms: number; e: Extract<TimelineEvent, { type: 'estimate' }> } | null = null;
  for (const e of timeline) {
    if (e.type !== 'estimate') continue;
    const ms = Date.parse(e.at);
    if (Number.isFinite(ms) && ms <= nowMs && (latest === null || ms >= latest.ms)) latest = { ms, e };
  }
  if (latest === null) return { ok: true, value: null };
  const { amount, unit } = latest.e;
  if (unit === 'businessDays' && !calendar) return { ok: false, detail: 'an estimate in business days needs the policy calendar' };
  const target: Target = { amount, unit, clock: calendar ? 'business' : 'calendar', source: "an agent's estimate" };
  return { ok: true, value: { target, startMs: latest.ms } };
}
