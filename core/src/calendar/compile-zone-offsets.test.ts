import fc from 'fast-check';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileZoneOffsets, intlOffsetReader } from './compile-zone-offsets.js';

const from = Date.UTC(1970, 0, 1);
const to = Date.UTC(2101, 0, 1);
const H = 3_600_000;
/** The policies' zones and zones with daylight saving time on either hemisphere. */
const commonZones = ['Europe/Lisbon', 'America/Bogota', 'America/New_York', 'America/Santiago', 'America/Sao_Paulo', 'Australia/Sydney'];
/** Plus the awkward ones: changes 6.96 days apart (Recife, Gaza), a −00:44:30 offset (Monrovia), a skipped day (Apia). */
const zoneNames = [...commonZones, 'America/Recife', 'Asia/Gaza', 'Africa/Monrovia', 'Pacific/Apia'];

/** Every offset change of the zone in 1970–2100 to the second, found by luxon alone (every two days, then bisecting). */
function changes(zone: IANAZone): number[] {
  const out: number[] = [];
  const step = 2 * 86_400_000;
  let previous = zone.offset(from);
  for (let t = from + step; t < to; t += step) {
    const o = zone.offset(t);
    if (o === previous) continue;
    let lo = (t - step) / 1000;
    let hi = t / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid * 1000) === previous) lo = mid;
      else hi = mid;
    }
    out.push(hi * 1000);
    previous = o;
  }
  return out;
}

describe('compileZoneOffsets: offsetAt', () => {
  it('gives luxon’s offset at any instant 1970–2100, and on either side of every change to the millisecond', () => {
    for (const name of zoneNames) {
      const zone = IANAZone.create(name);
      const offsets = compileZoneOffsets(zone, from, to);
      fc.assert(
        fc.property(fc.integer({ min: from, max: to }), (ms) => {
          expect(offsets.offsetAt(ms)).toBe(zone.offset(ms));
        }),
        { numRuns: 2000 },
      );
      const found = changes(zone);
      expect(found.length).toBeGreaterThan(0);
      for (const ms of found)
        for (const d of [-H, -1000, -1, 0, 1, 999, 1000, H]) expect(offsets.offsetAt(ms + d)).toBe(zone.offset(ms + d));
    }
  }, 120_000);

  it('finds changes less than a week apart: Recife kept summer time for one week in October 2000', () => {
    const zone = IANAZone.create('America/Recife');
    expect([zone.offset(Date.UTC(2000, 9, 10, 12)), zone.offset(Date.UTC(2000, 9, 17, 12))]).toEqual([-120, -180]);
    // Spans starting every 10 minutes over a week: whatever instants the compiler samples, it must see both changes.
    for (let start = Date.UTC(2000, 8, 1); start < Date.UTC(2000, 8, 8); start += 600_000) {
      const offsets = compileZoneOffsets(zone, start, Date.UTC(2000, 11, 1));
      expect([offsets.offsetAt(Date.UTC(2000, 9, 10, 12)), offsets.offsetAt(Date.UTC(2000, 9, 17, 12))]).toEqual([-120, -180]);
    }
  });

  it('finds a change on a second boundary: Monrovia went from −00:44:30 to UTC on 7 January 1972', () => {
    const zone = IANAZone.create('Africa/Monrovia');
    const offsets = compileZoneOffsets(zone, Date.UTC(1971, 0, 1), Date.UTC(1973, 0, 1));
    expect(offsets.offsetAt(Date.UTC(1971, 5, 1))).toBe(-44.5);
    const change = Date.UTC(1972, 0, 7, 0, 44, 30);
    expect([offsets.offsetAt(change - 1), offsets.offsetAt(change)]).toEqual([-44.5, 0]);
    expect([zone.offset(change - 1), zone.offset(change)]).toEqual([-44.5, 0]);
  });

  it('asks Intl outside the compiled span, and agrees with luxon there too', () => {
    const zone = IANAZone.create('America/Santiago');
    const offsets = compileZoneOffsets(zone, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    for (const ms of [Date.UTC(1980, 0, 15), Date.UTC(1980, 6, 15), Date.UTC(2090, 0, 15), Date.UTC(2090, 6, 15)]) {
      expect(offsets.offsetAt(ms)).toBe(zone.offset(ms));
    }
  });

  it('gives a fixed zone’s offset everywhere', () => {
    const offsets = compileZoneOffsets(FixedOffsetZone.instance(330), from, to);
    expect([offsets.offsetAt(from), offsets.offsetAt(to), offsets.offsetAt(0)]).toEqual([330, 330, 330]);
  });
});

describe('intlOffsetReader', () => {
  it('reads the same offset as luxon for every zone Intl knows', () => {
    const instants = [Date.UTC(1970, 0, 1), Date.UTC(1985, 6, 1), Date.UTC(2000, 0, 1), Date.UTC(2026, 6, 1), Date.UTC(2100, 11, 31)];
    for (const name of Intl.supportedValuesOf('timeZone')) {
      const zone = IANAZone.create(name);
      const read = intlOffsetReader(zone);
      for (const ms of instants) expect([name, read(ms)]).toEqual([name, zone.offset(ms)]);
    }
  }, 60_000);
});

describe('compileZoneOffsets: toEpoch', () => {
  it('agrees with luxon on wall-clock times that exist exactly once, 1970–2100', () => {
    for (const name of commonZones) {
      const zone = IANAZone.create(name);
      const toEpoch = compileZoneOffsets(zone, from, to).toEpoch;
      fc.assert(
        fc.property(fc.integer({ min: from / 60_000, max: to / 60_000 - 1 }), (minute) => {
          const wall = minute * 60_000;
          const d = new Date(wall);
          const parts = {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
            hour: d.getUTCHours(),
            minute: d.getUTCMinutes(),
          };
          const dt = DateTime.fromObject(parts, { zone });
          // Skip the hour around a change, where luxon and we may pick different readings on purpose.
          if (zone.offset(dt.toMillis() - 3_600_000) !== zone.offset(dt.toMillis() + 3_600_000)) return;
          expect(toEpoch(wall)).toBe(dt.toMillis());
        }),
        { numRuns: 3000 },
      );
    }
  }, 60_000);

  it('moves a time in Lisbon’s spring gap forward by the gap (01:30 on 29 March 2026 is 02:30 WEST)', () => {
    const toEpoch = compileZoneOffsets(IANAZone.create('Europe/Lisbon'), from, to).toEpoch;
    expect(new Date(toEpoch(Date.UTC(2026, 2, 29, 1, 30))).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of the two 01:30 in Lisbon’s autumn overlap (25 October 2026)', () => {
    const toEpoch = compileZoneOffsets(IANAZone.create('Europe/Lisbon'), from, to).toEpoch;
    expect(new Date(toEpoch(Date.UTC(2026, 9, 25, 1, 30))).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves São Paulo’s midnight that did not exist (summer time began at 00:00 on 4 November 2018) to 01:00', () => {
    const toEpoch = compileZoneOffsets(IANAZone.create('America/Sao_Paulo'), from, to).toEpoch;
    expect(new Date(toEpoch(Date.UTC(2018, 10, 4))).toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });
});
