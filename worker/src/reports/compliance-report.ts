import type { BusinessCalendar, TargetStatus } from '@plazo/core';
import type { Env } from '../env.js';
import { listReportTickets } from '../store/report-tickets.js';
import { UNKNOWN_CUSTOMER } from './hours-report.js';
import type { ReportMonths } from './month-range.js';
import { monthOf, reportPolicies } from './policy-months.js';
import type { ComplianceReport, ComplianceRow, FlagRow, TargetSummary } from './report-types.js';

/** Tickets with no priority (excluded ones, or a policy that found none) are reported under this name. */
export const NO_PRIORITY = '(none)';

type Tally = { summary: TargetSummary; waits: number[] };

const tally = (): Tally => ({ summary: { met: 0, breached: 0, atRisk: 0, running: 0, paused: 0, medianBusinessMs: null }, waits: [] });

/** Counts a target's last state and, once met, the business time it took from the ticket's creation. */
function count(t: Tally, target: TargetStatus | null, createdMs: number, calendar: BusinessCalendar | null): void {
  if (!target) return;
  const key = target.state === 'at-risk' ? 'atRisk' : target.state;
  t.summary[key] += 1;
  if (target.metAt === null) return;
  const metMs = Date.parse(target.metAt);
  t.waits.push(calendar ? calendar.businessTimeBetween(createdMs, metMs) : metMs - createdMs);
}

/** The lower median of an even count: a time some ticket really took. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Compliance per policy, priority and month of creation (in the policy's zone): each target's met / breached / at-risk counts as
 * the last evaluation left them, the median business time to meet it, and the flags of the evaluations per customer.
 */
export async function complianceReport(
  env: Pick<Env, 'DB' | 'ASSETS'>,
  installationKey: string,
  range: ReportMonths,
): Promise<ComplianceReport> {
  const tickets = await listReportTickets(env.DB, installationKey, range.fromMs, range.toMs);
  const policyOf = reportPolicies(env, installationKey);
  const ranks = new Map<string, number>();
  const inRange = new Set(range.months);
  const rows = new Map<string, { row: Omit<ComplianceRow, 'firstResponse' | 'resolution'>; firstResponse: Tally; resolution: Tally }>();
  const flags = new Map<string, FlagRow>();
  for (const t of tickets) {
    const { calendar, priorities } = await policyOf(t.policyId);
    const createdMs = Date.parse(t.createdAt);
    const month = monthOf(calendar, createdMs);
    if (!inRange.has(month)) continue;
    const e = t.evaluation;
    const priority = e.priority ?? NO_PRIORITY;
    ranks.set(JSON.stringify([t.policyId, priority]), priorities.includes(priority) ? priorities.indexOf(priority) : priorities.length);
    const id = JSON.stringify([t.policyId, priority, month]);
    const entry = rows.get(id) ?? {
      row: { policy: t.policyId, priority, month, tickets: 0, excluded: 0 },
      firstResponse: tally(),
      resolution: tally(),
    };
    entry.row.tickets += 1;
    if (e.excluded) entry.row.excluded += 1;
    count(entry.firstResponse, e.sla.firstResponse, createdMs, calendar);
    count(entry.resolution, e.sla.resolution, createdMs, calendar);
    rows.set(id, entry);
    const customer = t.customer ?? UNKNOWN_CUSTOMER;
    for (const flag of new Set(e.flags)) {
      const flagId = JSON.stringify([t.customerKind, customer, month, flag]);
      const row = flags.get(flagId) ?? { customer, customerKind: t.customerKind, month, flag, tickets: 0 };
      row.tickets += 1;
      flags.set(flagId, row);
    }
  }
  const summary = (t: Tally): TargetSummary => ({ ...t.summary, medianBusinessMs: median(t.waits) });
  // Most severe first, as the policy lists its priorities; none last.
  const rank = (r: { policy: string; priority: string }) => ranks.get(JSON.stringify([r.policy, r.priority]))!;
  return {
    installation: installationKey,
    from: range.from,
    to: range.to,
    months: range.months,
    rows: [...rows.values()]
      .map((r) => ({ ...r.row, firstResponse: summary(r.firstResponse), resolution: summary(r.resolution) }))
      .sort((a, b) => a.policy.localeCompare(b.policy) || a.month.localeCompare(b.month) || rank(a) - rank(b)),
    flags: [...flags.values()].sort(
      (a, b) => a.customer.localeCompare(b.customer) || a.month.localeCompare(b.month) || a.flag.localeCompare(b.flag),
    ),
  };
}
