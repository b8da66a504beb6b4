import { describe, expect, it } from 'vitest';
import { publicHolidays } from './public-holidays.js';

describe('publicHolidays', () => {
  it('lists Colombia’s holidays moved to Monday (Emiliani law) on the Monday', () => {
    const co = publicHolidays('CO', 2026);
    expect(co.ok && co.value).toEqual(expect.arrayContaining(['2026-01-12', '2026-03-23', '2026-06-29']));
    expect(co.ok && co.value.includes('2026-01-06')).toBe(false);
  });

  it('lists Chile’s Fiestas Patrias on 18 and 19 September', () => {
    const cl = publicHolidays('CL', 2026);
    expect(cl.ok && cl.value).toEqual(expect.arrayContaining(['2026-09-18', '2026-09-19']));
  });

  it('lists Colombia’s Reyes Magos on the Monday in 1995 and in 2080', () => {
    expect(publicHolidays('CO', 1995)).toMatchObject({ ok: true, value: expect.arrayContaining(['1995-01-09']) });
    expect(publicHolidays('CO', 2080)).toMatchObject({ ok: true, value: expect.arrayContaining(['2080-01-08']) });
  });

  it('returns only the years asked for, as sorted dates', () => {
    const pt = publicHolidays('PT', 2026, 2027);
    expect(pt.ok && pt.value.every((d) => d.startsWith('2026') || d.startsWith('2027'))).toBe(true);
    expect(pt.ok && pt.value).toContain('2027-06-10');
    expect(pt.ok && [...pt.value].sort()).toEqual(pt.ok && pt.value);
  });

  it('covers the first and the last year: 1 January 1970 and 25 December 2100', () => {
    const both = publicHolidays('ES', 1970, 2100);
    expect(both.ok && both.value[0]).toBe('1970-01-01');
    expect(both.ok && both.value.at(-1)).toBe('2100-12-25');
  });

  it('fails with unknown-country for a country that does not ship, also for names of Object’s own properties', () => {
    for (const country of ['XX', 'constructor', '__proto__', 'toString']) {
      const r = publicHolidays(country, 2026);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.issue.code).toBe('unknown-country');
      expect(!r.ok && r.issue.detail).toMatch(/CO/);
    }
  });

  it('fails with year-out-of-range outside 1970–2100, naming the years that ship', () => {
    for (const [from, to] of [
      [1969, 1970],
      [2100, 2101],
      [2030, 2029],
      [2026.5, 2027],
    ] as const) {
      const r = publicHolidays('CO', from, to);
      expect(!r.ok && r.issue).toEqual({ code: 'year-out-of-range', detail: `holidays ship for years 1970–2100; asked for ${from}–${to}` });
    }
  });
});
