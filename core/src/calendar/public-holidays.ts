import { fail, ok, type Result } from '../result.js';
import { holidayData } from './holiday-data.js';

export type PublicHolidaysCode = 'unknown-country' | 'year-out-of-range';

/** Countries whose public holidays ship with core (generated at build time). */
export const holidayCountries: readonly string[] = Object.keys(holidayData.countries).sort();
export const holidayYears = { first: holidayData.firstYear, last: holidayData.lastYear } as const;

/** Each country's entries split by year once (an entry is that year's holidays as MMDD, concatenated). */
const yearsByCountry = new Map<string, readonly string[]>();

function yearsOf(country: string): readonly string[] | undefined {
  let years = yearsByCountry.get(country);
  if (years === undefined && Object.hasOwn(holidayData.countries, country)) {
    years = holidayData.countries[country]!.split(' ');
    yearsByCountry.set(country, years);
  }
  return years;
}

/** The public holidays of `country` ('YYYY-MM-DD', sorted) from `fromYear` to `toYear` inclusive. */
export function publicHolidays(country: string, fromYear: number, toYear: number = fromYear): Result<string[], PublicHolidaysCode> {
  const years = yearsOf(country);
  if (years === undefined) {
    return fail('unknown-country', `no public holidays ship for country "${country}"; known: ${holidayCountries.join(', ')}`);
  }
  const { first, last } = holidayYears;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || fromYear < first || toYear > last) {
    return fail('year-out-of-range', `holidays ship for years ${first}–${last}; asked for ${fromYear}–${toYear}`);
  }
  const out: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const entry = years[year - first]!;
    for (let i = 0; i < entry.length; i += 4) out.push(`${year}-${entry.slice(i, i + 2)}-${entry.slice(i + 2, i + 4)}`);
  }
  return ok(out);
}
