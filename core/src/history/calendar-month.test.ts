import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { calendarMonth } from './calendar-month.js';

const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const utc = (m: number) => new Date(m).toISOString();

describe('calendarMonth', () => {
  it("bounds the month in the policy's zone, across its daylight-saving change", () => {
    const m = calendarMonth(builtInPolicies.get('infraspeak')!, ms('2026-03-31T23:30:00Z'));
    expect(m.month).toBe('2026-04');
    // Lisbon is on WEST (+01:00) from 29 March to 25 October.
    expect([utc(m.startMs), utc(m.endMs)]).toEqual(['2026-03-31T23:00:00.000Z', '2026-04-30T23:00:00.000Z']);
  });

  it('uses UTC for a policy without a calendar', () => {
    const m = calendarMonth(builtInPolicies.get('soporte-justo')!, ms('2026-03-31T23:30:00-05:00'));
    expect(m.month).toBe('2026-04');
    expect([utc(m.startMs), utc(m.endMs)]).toEqual(['2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
  });
});
