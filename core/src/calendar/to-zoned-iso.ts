import type { Zone } from 'luxon';
import { isoWithOffset } from './iso-with-offset.js';
import { resolveZone } from './resolve-zone.js';

/**
 * An epoch-ms instant as ISO 8601 with the zone's offset ("2026-03-02T10:00:00-05:00"); milliseconds
 * only when non-zero. Zone names are read as compileCalendar reads them (so "GMT-4" works too).
 * Asks Intl for the offset of a named zone: a compiled calendar's `toIso` does not, and evaluations use it.
 */
export function toZonedIso(ms: number, zone: Zone | string): string {
  const resolved = typeof zone === 'string' ? resolveZone(zone) : { ok: true as const, value: zone };
  // An unreadable zone was already refused when the calendar compiled; UTC keeps the instant right.
  if (!resolved.ok) return new Date(ms).toISOString().replace('.000Z', 'Z');
  return isoWithOffset(ms, resolved.value.offset(ms), resolved.value.isUniversal);
}
