import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Target } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000 } as const;

/**
 * A target's length in milliseconds of its own clock: minutes and hours as written,
 * N business days as N × the calendar's open day (policies.md). Rounded to whole milliseconds.
 */
export function targetDurationMs(target: Target, calendar: Pick<BusinessCalendar, 'openDayMs'> | null): Result<number, 'needs-calendar'> {
  if (target.unit === 'businessDays') {
    if (!calendar)
      return fail('needs-calendar', `a target of ${target.amount} business day(s) needs a calendar to know the length of a day`);
    return ok(Math.round(target.amount * calendar.openDayMs));
  }
  return ok(Math.round(target.amount * UNIT_MS[target.unit]));
}
