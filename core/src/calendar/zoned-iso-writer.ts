import type { Zone } from 'luxon';
import type { BusinessCalendar } from './business-calendar.js';
import { toZonedIso } from './to-zoned-iso.js';

/**
 * How an evaluation writes its instants: in `zone` when one is given, else in the calendar's zone through
 * its compiled offsets (no Intl call per instant), else in UTC.
 */
export function zonedIsoWriter(zone: Zone | string | undefined, calendar: BusinessCalendar | null): (ms: number) => string {
  if (zone !== undefined) return (ms) => toZonedIso(ms, zone);
  if (calendar) return (ms) => calendar.toIso(ms);
  return (ms) => toZonedIso(ms, 'UTC');
}
