import { describe, expect, it } from 'vitest';
import { publicHolidays } from '../src/calendar/public-holidays.js';
import { builtInPolicies } from '../src/policies/built-in-policies.js';
import { policyCalendar } from '../src/policy/policy-calendar.js';
import { walkBusinessTimeBetween, walkDueAt, weekOf } from './deadlines.js';

// The benches' baseline is only a baseline if it computes what core computes: the walks against the compiled calendar.
const HOUR = 3_600_000;
const from = Date.UTC(2026, 0, 1);
const span = Date.UTC(2031, 0, 1) - from;

/** Seeded (an LCG), so a failure names the same inputs every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

describe.each(['peewah', 'websaas', 'skedu', 'infraspeak'])('the luxon day walk for %s', (id) => {
  const policy = builtInPolicies.get(id)!;
  const compiled = policyCalendar(policy);
  if (!compiled.ok || !compiled.value || !policy.calendar) throw new Error(`${id} has no calendar`);
  const calendar = compiled.value;
  const listed = publicHolidays(policy.calendar.holidays.country ?? 'CO', 2026, 2032);
  const holidays = new Set(listed.ok && policy.calendar.holidays.country ? listed.value : []);
  const week = weekOf(policy.calendar);

  it('counts the same business time between two instants as the compiled calendar', () => {
    const next = seeded(7);
    for (let i = 0; i < 400; i++) {
      const a = from + Math.floor(next() * span);
      const b = a + Math.floor(next() * 90 * 24 * HOUR);
      expect(
        walkBusinessTimeBetween(a, b, week, holidays, calendar.zone),
        `${new Date(a).toISOString()} → ${new Date(b).toISOString()}`,
      ).toBe(calendar.businessTimeBetween(a, b));
    }
  });

  it('walks to the same due instant as the compiled calendar', () => {
    const next = seeded(11);
    for (let i = 0; i < 400; i++) {
      const start = from + Math.floor(next() * span);
      const duration = Math.floor(next() * 60 * HOUR);
      expect(walkDueAt(start, duration, week, holidays, calendar.zone), `${new Date(start).toISOString()} + ${duration} ms`).toBe(
        calendar.addBusinessTime(start, duration),
      );
    }
  });

  it('counts nothing over an empty or reversed stretch', () => {
    expect(walkBusinessTimeBetween(from + HOUR, from + HOUR, week, holidays, calendar.zone)).toBe(0);
    expect(walkBusinessTimeBetween(from + 30 * 24 * HOUR, from, week, holidays, calendar.zone)).toBe(0);
  });
});
