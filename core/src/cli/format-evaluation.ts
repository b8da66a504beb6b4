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

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * A due time as the evaluation wrote it (in the policy's zone, with its offset) and in UTC. Read from the ISO text:
 * luxon's formatting would cost a one-ticket run more than evaluating the ticket does.
 */
export function formatDue(iso: string, zone: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!parts) return `${iso} (${zone})`;
  const [, y, m, d, time, offset] = parts as unknown as [string, string, string, string, string, string];
  const weekday = weekdays[new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()];
  const utc = new Date(Date.parse(iso)).toISOString();
  return `${weekday} ${y}-${m}-${d} ${time} ${offset === 'Z' ? '+00:00' : offset} (${zone}) = ${utc.slice(0, 10)} ${utc.slice(11, 19)} UTC`;
}

function formatTarget(status: TargetStatus | null, name: keyof typeof targetNames, zone: string): string {
  if (!status) return `  ${targetNames[name].padEnd(15)} no target`;
  const left = status.state === 'met' ? `met at ${status.metAt}` : `${formatDuration(status.remainingMs)} ${status.clock} time left`;
  return `  ${targetNames[name].padEnd(15)} due ${formatDue(status.dueAt, zone)}\n  ${''.padEnd(15)} ${status.state}, ${left}`;
}

/** A readable report of one evaluation, with due times in the policy's zone and in UTC. */
export function formatEvaluation(evaluation: Evaluation, policy: Policy): string {
  const zone = policy.calendar?.zone ?? 'UTC';
  const lines = [`Ticket ${evaluation.id} — policy ${policy.id} (${policy.vendor})`, `  Priority        ${evaluation.priority ?? '—'}`];
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
