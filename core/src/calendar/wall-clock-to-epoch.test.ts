import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileWallClockToEpoch } from './wall-clock-to-epoch.js';

const from = Date.UTC(2020, 0, 1);
const to = Date.UTC(2041, 0, 1);

describe('compileWallClockToEpoch', () => {
  it('agrees with luxon on wall-clock times that exist exactly once', () => {
    for (const name of ['Europe/Lisbon', 'America/Bogota', 'America/New_York', 'America/Santiago', 'Australia/Sydney']) {
      const zone = IANAZone.create(name);
      const toEpoch = compileWallClockToEpoch(zone, from, to);
      fc.assert(
        fc.property(fc.integer({ min: from / 60_000, max: to / 60_000 - 1 }), (minute) => {
          const wall = minute * 60_000;
          const d = new Date(wall);
          const parts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
          const dt = DateTime.fromObject(parts, { zone });
          // Skip the hour around a change, where luxon and we may pick different readings on purpose.
          if (zone.offset(dt.toMillis() - 3_600_000) !== zone.offset(dt.toMillis() + 3_600_000)) return;
          expect(toEpoch(wall)).toBe(dt.toMillis());
        }),
        { numRuns: 3000 },
      );
    }
  });

  it('moves a time in Lisbon’s spring gap forward by the gap (01:30 on 29 March 2026 is 02:30 WEST)', () => {
    const toEpoch = compileWallClockToEpoch(IANAZone.create('Europe/Lisbon'), from, to);
    expect(new Date(toEpoch(Date.UTC(2026, 2, 29, 1, 30))).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of the two 01:30 in Lisbon’s autumn overlap (25 October 2026)', () => {
    const toEpoch = compileWallClockToEpoch(IANAZone.create('Europe/Lisbon'), from, to);
    expect(new Date(toEpoch(Date.UTC(2026, 9, 25, 1, 30))).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
