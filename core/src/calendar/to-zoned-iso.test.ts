import { describe, expect, it } from 'vitest';
import { toZonedIso } from './to-zoned-iso.js';

const instant = Date.UTC(2026, 2, 2, 15, 0, 0);

describe('toZonedIso', () => {
  it('writes the instant with the zone’s offset and no milliseconds when they are zero', () => {
    expect(toZonedIso(instant, 'America/Bogota')).toBe('2026-03-02T10:00:00-05:00');
    expect(toZonedIso(instant + 5, 'America/Bogota')).toBe('2026-03-02T10:00:00.005-05:00');
  });

  it('reads fixed offsets the way compileCalendar does, "GMT-4" included', () => {
    expect(toZonedIso(instant, 'UTC-4')).toBe('2026-03-02T11:00:00-04:00');
    expect(toZonedIso(instant, 'GMT-4')).toBe('2026-03-02T11:00:00-04:00');
  });

  it('follows Lisbon’s summer time', () => {
    expect(toZonedIso(Date.UTC(2026, 6, 1, 8), 'Europe/Lisbon')).toBe('2026-07-01T09:00:00+01:00');
  });
});

describe('toZonedIso against luxon', () => {
  it('writes exactly what luxon writes, for any instant and zone', async () => {
    const fc = await import('fast-check');
    const { DateTime, FixedOffsetZone, IANAZone } = await import('luxon');
    const names = ['Europe/Lisbon', 'America/Bogota', 'America/Santiago', 'America/Sao_Paulo', 'Africa/Monrovia', 'Etc/UTC'];
    const zones = [
      ...names.map((n) => IANAZone.create(n)),
      FixedOffsetZone.instance(-240),
      FixedOffsetZone.instance(330),
      FixedOffsetZone.utcInstance,
    ];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 11, 31) }), fc.constantFrom(...zones), (ms, zone) => {
        expect(toZonedIso(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: 2000 },
    );
  });
});
