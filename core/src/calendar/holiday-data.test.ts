import { describe, expect, it } from 'vitest';
import { buildHolidayData, HOLIDAY_COUNTRIES, HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR } from '../../scripts/generate-holidays.js';
import { holidayData } from './holiday-data.js';

const yearEntry = (country: string, year: number) => holidayData.countries[country]!.split(' ')[year - holidayData.firstYear]!;

describe('holidayData', () => {
  it('matches what date-holidays lists today (regenerate with `npx tsx core/scripts/generate-holidays.ts` when this fails)', () => {
    const fresh = buildHolidayData();
    expect({ firstYear: holidayData.firstYear, lastYear: holidayData.lastYear, countries: { ...holidayData.countries } }).toEqual(fresh);
  }, 120_000); // date-holidays computes 131 years of nine countries

  it('covers the vendors’ countries and their neighbours for 1970–2100', () => {
    expect(Object.keys(holidayData.countries).sort()).toEqual([...HOLIDAY_COUNTRIES].sort());
    expect([holidayData.firstYear, holidayData.lastYear]).toEqual([HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR]);
    expect([holidayData.firstYear, holidayData.lastYear]).toEqual([1970, 2100]);
    expect(['CO', 'CL', 'PT', 'ES', 'MX', 'AR', 'PE', 'BR', 'US'].every((c) => c in holidayData.countries)).toBe(true);
  });

  it('keeps only public holidays (Portugal’s Carnaval is an observance, not a holiday)', () => {
    expect(yearEntry('PT', 2026)).toContain('0610');
    expect(yearEntry('PT', 2026)).not.toContain('0217');
  });

  it('stores each country as one entry per year of sorted, unique, real MMDD dates', () => {
    for (const years of Object.values(holidayData.countries)) {
      const entries = years.split(' ');
      expect(entries).toHaveLength(holidayData.lastYear - holidayData.firstYear + 1);
      entries.forEach((entry, i) => {
        const year = holidayData.firstYear + i;
        const dates = entry.match(/.{4}/g) ?? [];
        expect(dates.join('')).toBe(entry);
        expect([...new Set(dates)].sort()).toEqual(dates);
        for (const d of dates) {
          const t = new Date(Date.UTC(year, Number(d.slice(0, 2)) - 1, Number(d.slice(2))));
          expect(t.getUTCMonth() + 1 === Number(d.slice(0, 2)) && t.getUTCDate() === Number(d.slice(2))).toBe(true);
        }
      });
    }
  });

  it('lists holidays in every year for every country, 1970 and 2100 included', () => {
    for (const country of HOLIDAY_COUNTRIES) {
      expect(holidayData.countries[country]!.split(' ').every((entry) => entry.length >= 4 * 5)).toBe(true);
    }
  });
});
