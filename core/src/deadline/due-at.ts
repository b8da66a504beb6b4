import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Target } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';
import { targetDurationMs } from './target-duration-ms.js';

export type DueAtCode = 'needs-calendar' | 'outside-calendar';

/**
 * The instant (epoch ms) a target is due when its clock starts at `startMs` and never stops:
 * calendar targets are plain elapsed time; business targets the earliest instant at which the
 * open time counted from `startMs` reaches the target (so it may be a closing instant).
 */
export function dueAt(target: Target, startMs: number, calendar: BusinessCalendar | null): Result<number, DueAtCode> {
  const duration = targetDurationMs(target, calendar);
  if (!duration.ok) return duration;
  if (target.clock === 'calendar') return ok(startMs + duration.value);
  if (!calendar) return fail('needs-calendar', 'a business-time target needs the policy calendar');
  const due = calendar.addBusinessTime(startMs, duration.value);
  if (Number.isNaN(due)) {
    const years = `${calendar.fromYear}–${calendar.toYear}`;
    return fail(
      'outside-calendar',
      `the deadline from ${new Date(startMs).toISOString()} falls outside the years the business calendar covers (${years})`,
    );
  }
  return ok(due);
}
