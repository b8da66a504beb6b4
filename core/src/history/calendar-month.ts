import { DateTime } from 'luxon';
import { policyCalendar } from '../policy/policy-calendar.js';
import type { Policy } from '../policy/policy-schema.js';

/** A calendar month in the policy's zone: its name and its instants [startMs, endMs). */
export type CalendarMonth = { month: string; startMs: number; endMs: number };

/**
 * The calendar month holding `ms` in the policy's zone (UTC for a policy without a calendar): monthly quotas count the
 * tickets created in it. An unusable calendar zone falls back to UTC, as evaluating such a policy fails anyway.
 */
export function calendarMonth(policy: Policy, ms: number): CalendarMonth {
  const calendar = policyCalendar(policy);
  const zone = calendar.ok && calendar.value ? calendar.value.luxonZone : 'UTC';
  const start = DateTime.fromMillis(ms, { zone }).startOf('month');
  return { month: start.toFormat('yyyy-MM'), startMs: start.toMillis(), endMs: start.plus({ months: 1 }).toMillis() };
}
