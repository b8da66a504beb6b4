import type { Env } from '../env.js';
import { listTimeEntries } from '../store/time-entries.js';
import type { ReportMonths } from './month-range.js';
import { monthOf, reportPolicies } from './policy-months.js';
import type { HoursReport, HoursRow } from './report-types.js';

/** A ticket whose host names no requester still counts, under this name. */
export const UNKNOWN_CUSTOMER = '(unknown)';

/**
 * Hours recorded per customer (organisation, else requester) and month (each entry's month in its ticket's policy zone),
 * customers by name, months in order.
 */
export async function hoursReport(env: Pick<Env, 'DB' | 'ASSETS'>, installationKey: string, range: ReportMonths): Promise<HoursReport> {
  const entries = await listTimeEntries(env.DB, installationKey, range.fromMs, range.toMs);
  const policyOf = reportPolicies(env, installationKey);
  const inRange = new Set(range.months);
  const rows = new Map<string, HoursRow & { ticketKeys: Set<string> }>();
  for (const e of entries) {
    const month = monthOf((await policyOf(e.policyId)).calendar, Date.parse(e.at));
    if (!inRange.has(month)) continue;
    const customer = e.customer ?? UNKNOWN_CUSTOMER;
    const id = JSON.stringify([e.customerKind, customer, month]);
    const row = rows.get(id) ?? {
      customer,
      customerKind: e.customerKind,
      month,
      seconds: 0,
      hours: 0,
      tickets: 0,
      entries: 0,
      ticketKeys: new Set<string>(),
    };
    row.seconds += e.seconds;
    row.entries += 1;
    row.ticketKeys.add(e.ticketKey);
    rows.set(id, row);
  }
  const sorted = [...rows.values()]
    .map(({ ticketKeys, ...row }) => ({ ...row, hours: Math.round(row.seconds / 36) / 100, tickets: ticketKeys.size }))
    .sort((a, b) => a.customer.localeCompare(b.customer) || a.month.localeCompare(b.month));
  return { installation: installationKey, from: range.from, to: range.to, months: range.months, rows: sorted };
}
