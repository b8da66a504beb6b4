import { DateTime, type Zone } from 'luxon';
import { resolveZone } from './resolve-zone.js';

/**
 * An epoch-ms instant as ISO 8601 with the zone's offset ("2026-03-02T10:00:00-05:00"); milliseconds
 * only when non-zero. Zone names are read as compileCalendar reads them (so "GMT-4" works too).
 */
export function toZonedIso(ms: number, zone: Zone | string): string {
  const resolved = typeof zone === 'string' ? resolveZone(zone) : { ok: true as const, value: zone };
  // An unreadable zone was already refused when the calendar compiled; UTC keeps the instant right.
  const dt = DateTime.fromMillis(ms, { zone: resolved.ok ? resolved.value : 'UTC' });
  return dt.toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}
