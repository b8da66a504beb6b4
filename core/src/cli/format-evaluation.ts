import { DateTime } from 'luxon';
import type { Evaluation, TargetStatus } from '../evaluation/evaluation-schema.js';
import type { Policy } from '../policy/policy-schema.js';

const targetNames = { firstResponse: 'First response', resolution: 'Resolution' } as const;

function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${sign}${h}h${String(m).padStart(2, '0')}m`;
}

function formatDue(iso: string, zone: string): string {
  const due = DateTime.fromISO(iso, { setZone: true });
  const local = due.setZone(zone).toFormat("ccc yyyy-LL-dd HH:mm:ss ZZ");
  const utc = due.toUTC().toFormat("yyyy-LL-dd HH:mm:ss 'UTC'");
  return `${local} (${zone}) = ${utc}`;
}

function formatTarget(status: TargetStatus | null, name: keyof typeof targetNames, zone: string): string {
  if (!status) return `  ${targetNames[name].padEnd(15)} no target`;
  const left = status.state === 'met' ? `met at ${status.metAt}` : `${formatDuration(status.remainingMs)} ${status.clock} time left`;
  return `  ${targetNames[name].padEnd(15)} due ${formatDue(status.dueAt, zone)}\n  ${''.padEnd(15)} ${status.state}, ${left}`;
}

/** A readable report of one evaluation, with due times in the policy's zone and in UTC. */
export function formatEvaluation(evaluation: Evaluation, policy: Policy): string {
  const zone = policy.calendar?.zone ?? 'UTC';
  const lines = [
    `Ticket ${evaluation.id} — policy ${policy.id} (${policy.vendor})`,
    `  Priority        ${evaluation.priority ?? '—'}`,
  ];
  if (evaluation.tier) lines.push(`  Support tier    ${evaluation.tier}`);
  if (evaluation.category) lines.push(`  Category        ${evaluation.category}`);
  if (evaluation.excluded) lines.push(`  Excluded        yes: ${evaluation.exclusion?.description ?? ''}`);
  if (evaluation.flags.length) lines.push(`  Flags           ${evaluation.flags.join(', ')}`);
  if (!evaluation.excluded) {
    lines.push(formatTarget(evaluation.sla.firstResponse, 'firstResponse', zone));
    lines.push(formatTarget(evaluation.sla.resolution, 'resolution', zone));
  }
  lines.push('  Why');
  for (const r of evaluation.reasons) {
    const evidence = r.evidence.length ? ` [${r.evidence.map((e) => `“${e}”`).join(', ')}]` : '';
    lines.push(`    - ${r.detail}${evidence} (${r.kind}, confidence ${r.confidence.toFixed(2)})`);
  }
  return lines.join('\n');
}
