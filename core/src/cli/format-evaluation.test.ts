import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toZonedIso } from '../calendar/to-zoned-iso.js';
import { formatDue } from './format-evaluation.js';

/** How the report wrote due times with luxon before: weekday, local time and offset in the zone, then UTC. */
function viaLuxon(iso: string, zone: string): string {
  const due = DateTime.fromISO(iso, { setZone: true, locale: 'en-US' });
  const local = due.setZone(zone).toFormat('ccc yyyy-LL-dd HH:mm:ss ZZ');
  return `${local} (${zone}) = ${due.toUTC().toFormat("yyyy-LL-dd HH:mm:ss 'UTC'")}`;
}

describe('formatDue', () => {
  it('writes what luxon writes for instants of 1970–2100 in the built-in policies’ zones, across DST changes', () => {
    const zones = ['America/Bogota', 'Europe/Lisbon', 'UTC-4', 'UTC', 'America/Santiago'];
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 11, 31) });
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), fc.boolean(), (ms, zone, wholeSecond) => {
        const iso = toZonedIso(wholeSecond ? ms - (ms % 1000) : ms, zone);
        expect(formatDue(iso, zone)).toBe(viaLuxon(iso, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('shows a UTC due time with a +00:00 offset', () => {
    expect(formatDue('2026-03-11T16:00:00Z', 'UTC')).toBe('Wed 2026-03-11 16:00:00 +00:00 (UTC) = 2026-03-11 16:00:00 UTC');
  });
});
