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

  it('returns only the years asked for', () => {
    const pt = publicHolidays('PT', 2026, 2027);
    expect(pt.ok && pt.value.every((d) => d.startsWith('2026') || d.startsWith('2027'))).toBe(true);
    expect(pt.ok && pt.value).toContain('2027-06-10');
  });

  it('fails with unknown-country for a country that does not ship', () => {
    const r = publicHolidays('XX', 2026);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issue.code).toBe('unknown-country');
    expect(!r.ok && r.issue.detail).toMatch(/CO/);
  });

  it('fails with year-out-of-range outside 2020–2040', () => {
    for (const [from, to] of [[2019, 2020], [2040, 2041], [2030, 2029]] as const) {
      const r = publicHolidays('CO', from, to);
      expect(!r.ok && r.issue.code).toBe('year-out-of-range');
    }
  });
});
