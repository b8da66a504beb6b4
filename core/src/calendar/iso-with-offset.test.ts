import fc from 'fast-check';
import { DateTime, FixedOffsetZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isoWithOffset } from './iso-with-offset.js';

const instant = Date.UTC(2026, 2, 2, 15, 0, 0);

describe('isoWithOffset', () => {
  it('writes local time at the offset, with milliseconds only when they are not zero', () => {
    expect(isoWithOffset(instant, -300, false)).toBe('2026-03-02T10:00:00-05:00');
    expect(isoWithOffset(instant + 5, -300, false)).toBe('2026-03-02T10:00:00.005-05:00');
    expect(isoWithOffset(instant, 330, true)).toBe('2026-03-02T20:30:00+05:30');
  });

  it('writes Z only for a fixed zone at offset zero, +00:00 for a named zone there', () => {
    expect(isoWithOffset(instant, 0, true)).toBe('2026-03-02T15:00:00Z');
    expect(isoWithOffset(instant, 0, false)).toBe('2026-03-02T15:00:00+00:00');
  });

  it('truncates an offset in seconds to whole minutes, as luxon does (Monrovia’s −00:44:30 in 1971)', () => {
    expect(isoWithOffset(Date.UTC(1971, 5, 1, 12), -44.5, false)).toBe('1971-06-01T11:15:30-00:44');
  });

  it('writes what luxon writes for any instant of years 0100–9999 at any whole-minute offset, leap days and 2100 included', () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 30) }),
      fc.constantFrom(
        Date.UTC(2000, 1, 29, 23, 59, 59, 999),
        Date.UTC(2100, 1, 28, 23),
        Date.UTC(2100, 2, 1),
        Date.UTC(1999, 11, 31, 23, 30),
      ),
    );
    fc.assert(
      fc.property(instant, fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offset) => {
        const expected = DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offset) }).toISO({ suppressMilliseconds: true })!;
        expect(isoWithOffset(ms, offset, true)).toBe(expected);
        // A named zone at the same offset differs only in writing +00:00 where a fixed zone writes Z.
        expect(isoWithOffset(ms, offset, false)).toBe(expected.replace(/Z$/, '+00:00'));
      }),
      { numRuns: 20_000 },
    );
  });
});
