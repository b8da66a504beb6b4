import type { ComplianceReport, HoursReport, TargetSummary } from './report-types.js';
import { toCsv } from './to-csv.js';

const hours = (ms: number | null) => (ms === null ? null : Math.round(ms / 36_000) / 100);

export function hoursCsv(report: HoursReport): string {
  const header = ['customer', 'customer_kind', 'month', 'hours', 'seconds', 'tickets', 'entries'];
  return toCsv(
    header,
    report.rows.map((r) => [r.customer, r.customerKind, r.month, r.hours, r.seconds, r.tickets, r.entries]),
  );
}

const targetColumns = (name: string) =>
  ['met', 'breached', 'at_risk', 'running', 'paused', 'median_business_hours'].map((c) => `${name}_${c}`);
const targetCells = (t: TargetSummary) => [t.met, t.breached, t.atRisk, t.running, t.paused, hours(t.medianBusinessMs)];

export function complianceCsv(report: ComplianceReport): string {
  const header = ['policy', 'priority', 'month', 'tickets', 'excluded', ...targetColumns('first_response'), ...targetColumns('resolution')];
  return toCsv(
    header,
    report.rows.map((r) => [
      r.policy,
      r.priority,
      r.month,
      r.tickets,
      r.excluded,
      ...targetCells(r.firstResponse),
      ...targetCells(r.resolution),
    ]),
  );
}

export function flagsCsv(report: ComplianceReport): string {
  return toCsv(
    ['customer', 'customer_kind', 'month', 'flag', 'tickets'],
    report.flags.map((f) => [f.customer, f.customerKind, f.month, f.flag, f.tickets]),
  );
}
