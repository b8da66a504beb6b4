import type { Zone } from 'luxon';
import { resolveZone } from './resolve-zone.js';

const pad = (n: number) => String(n).padStart(2, '0');

function offsetSuffix(zone: Zone, offsetMinutes: number): string {
  // luxon writes "Z" only for a universal zero offset; Lisbon in winter is "+00:00".
  if (offsetMinutes === 0 && zone.isUniversal) return 'Z';
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * An epoch-ms instant as ISO 8601 with the zone's offset ("2026-03-02T10:00:00-05:00"); milliseconds
 * only when non-zero. Zone names are read as compileCalendar reads them (so "GMT-4" works too).
 * Formatted by hand from the zone's offset: it runs for every target of every evaluation.
 */
export function toZonedIso(ms: number, zone: Zone | string): string {
  const resolved = typeof zone === 'string' ? resolveZone(zone) : { ok: true as const, value: zone };
  // An unreadable zone was already refused when the calendar compiled; UTC keeps the instant right.
  if (!resolved.ok) return new Date(ms).toISOString().replace('.000Z', 'Z');
  const offset = resolved.value.offset(ms);
  const local = new Date(ms + offset * 60_000).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ" in local wall time
  const millis = local.slice(19, 23);
  return `${local.slice(0, 19)}${millis === '.000' ? '' : millis}${offsetSuffix(resolved.value, offset)}`;
}
