import { fail, ok, type Result } from '@plazo/core';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A report spans at most three years of months: enough for a contract, bounded for one request. */
export const MAX_REPORT_MONTHS = 36;
/** Widest offset of a zone from UTC: instants this far around the UTC month bounds may fall in the range in the policy's zone. */
const ZONE_MARGIN_MS = 14 * 3600_000;

export type ReportMonths = { from: string; to: string; months: string[]; fromMs: number; toMs: number };

/** The months from `from` to `to` (YYYY-MM, both included) and the instants to query, widened by any zone's offset. */
export function readMonthRange(from: string, to: string): Result<ReportMonths, 'invalid-query'> {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b) return fail('invalid-query', `from and to must be months written YYYY-MM (got "${from}", "${to}")`);
  const start = Number(a[1]) * 12 + Number(a[2]) - 1;
  const end = Number(b[1]) * 12 + Number(b[2]) - 1;
  if (end < start) return fail('invalid-query', `to (${to}) is before from (${from})`);
  if (end - start + 1 > MAX_REPORT_MONTHS) return fail('invalid-query', `a report spans at most ${MAX_REPORT_MONTHS} months`);
  const months: string[] = [];
  for (let m = start; m <= end; m++) months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  const utc = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1);
  return ok({ from, to, months, fromMs: utc(start) - ZONE_MARGIN_MS, toMs: utc(end + 1) + ZONE_MARGIN_MS });
}
