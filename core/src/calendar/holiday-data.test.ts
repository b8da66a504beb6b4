import { describe, expect, it } from 'vitest';
import { buildHolidayData, HOLIDAY_COUNTRIES, HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR } from '../../scripts/generate-holidays.js';
import { holidayData } from './holiday-data.js';

describe('holidayData', () => {
  it('matches what date-holidays lists today (regenerate with `npx tsx core/scripts/generate-holidays.ts` when this fails)', () => {
    const fresh = buildHolidayData();
    expect({ firstYear: holidayData.firstYear, lastYear: holidayData.lastYear, countries: { ...holidayData.countries } }).toEqual(fresh);
  });

  it('covers the vendors’ countries and their neighbours for 2020–2040', () => {
    expect(Object.keys(holidayData.countries).sort()).toEqual([...HOLIDAY_COUNTRIES].sort());
    expect([holidayData.firstYear, holidayData.lastYear]).toEqual([HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR]);
    expect(['CO', 'CL', 'PT', 'ES', 'MX', 'AR', 'PE', 'BR', 'US'].every((c) => c in holidayData.countries)).toBe(true);
  });

  it('keeps only public holidays (Portugal’s Carnaval is an observance, not a holiday)', () => {
    expect(holidayData.countries.PT).toContain('2026-06-10');
    expect(holidayData.countries.PT).not.toContain('2026-02-17');
  });

  it('stores each country as sorted, unique YYYY-MM-DD dates', () => {
    for (const dates of Object.values(holidayData.countries)) {
      const list = dates.split(' ');
      expect(list.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
      expect([...new Set(list)].sort()).toEqual(list);
    }
  });
});
