import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { type CompileCalendarCode, compileCalendar } from '../calendar/compile-calendar.js';
import { ok, type Result } from '../result.js';
import type { Policy } from './policy-schema.js';

const compiled = new WeakMap<Policy, Result<BusinessCalendar | null, CompileCalendarCode>>();

/**
 * A policy's business calendar, compiled once per policy object; null when it has no open hours.
 * The calendar compiles each decade of 1970–2100 the first time an instant needs it.
 */
export function policyCalendar(policy: Policy): Result<BusinessCalendar | null, CompileCalendarCode> {
  let calendar = compiled.get(policy);
  if (!calendar) {
    calendar = policy.calendar ? compileCalendar(policy.calendar) : ok(null);
    compiled.set(policy, calendar);
  }
  return calendar;
}
