import { fail, ok, type Result } from '../result.js';
import { holidayData } from './holiday-data.js';

export type PublicHolidaysCode = 'unknown-country' | 'year-out-of-range';

/** Countries whose public holidays ship with core (generated at build time). */
export const holidayCountries: readonly string[] = Object.keys(holidayData.countries).sort();
export const holidayYears = { first: holidayData.firstYear, last: holidayData.lastYear } as const;

/** The public holidays of `country` ('YYYY-MM-DD', sorted) from `fromYear` to `toYear` inclusive. */
export function publicHolidays(country: string, fromYear: number, toYear: number = fromYear): Result<string[], PublicHolidaysCode> {
  const all = holidayData.countries[country];
  if (all === undefined) {
    return fail('unknown-country', `no public holidays ship for country "${country}"; known: ${holidayCountries.join(', ')}`);
  }
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || fromYear < holidayYears.first || toYear > holidayYears.last) {
    return fail('year-out-of-range', `holidays ship for years ${holidayYears.first}–${holidayYears.last}; asked for ${fromYear}–${toYear}`);
  }
  const from = `${fromYear}-01-01`;
  const to = `${toYear}-12-31`;
  // Sorted fixed-width strings compare as dates.
  return ok(all.split(' ').filter((d) => d >= from && d <= to));
}
