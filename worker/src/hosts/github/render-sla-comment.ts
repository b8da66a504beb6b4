import type { Evaluation, Policy, Problem, TargetStatus, TicketMessage } from '@plazo/core';

/** Hidden first line of Plazo's replies to the customer, naming the messages said (never taken for the SLA comment). */
export const REPLY_MARKER = '<!-- plazo:customer-messages';

/** One public reply with the customer messages to say now, in the policy's locale as the core wrote them. */
export function renderCustomerReply(say: readonly TicketMessage[]): string {
  return [`${REPLY_MARKER} ${say.map((m) => m.code).join(' ')} -->`, ...say.map((m) => m.text)].join('\n\n');
}

/** Hidden first line by which Plazo finds its own comment to edit it in place. */
export const COMMENT_MARKER = '<!-- plazo:sla-comment -->';

export const isPlazoComment = (body: string | null | undefined) => (body ?? '').trimStart().startsWith(COMMENT_MARKER);

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 2026-03-02 10:30 (-05:00)": the core already gives the instant in the policy's zone. */
export function formatDue(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi, offset] = m;
  const day = weekdays[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  return `${day} ${y}-${mo}-${d} ${h}:${mi} (${offset === 'Z' ? 'UTC' : offset})`;
}

const stateText: Record<TargetStatus['state'], string> = {
  running: '🟢 running',
  paused: '⏸️ paused',
  met: '✅ met',
  'at-risk': '🟠 at risk',
  breached: '🔴 breached',
};

function row(name: string, status: TargetStatus | null): string | null {
  if (!status) return null;
  // While paused the due time moves with the clock, so it is left out to keep the comment stable.
  const due = status.state === 'paused' ? '—' : formatDue(status.dueAt);
  return `| ${name} | ${due} | ${stateText[status.state]} |`;
}

/** Only what changes with the SLA state is shown (no "evaluated at", no time left), so an unchanged state edits nothing. */
export function renderSlaComment(evaluation: Evaluation, policy: Policy, configProblems: readonly Problem[]): string {
  const lines = [COMMENT_MARKER, `### ⏱️ Plazo · ${policy.name}`, ''];
  if (evaluation.excluded) {
    lines.push(
      `No response or resolution deadlines apply to this issue: ${evaluation.exclusion?.description ?? 'the policy excludes it'}.`,
    );
  } else {
    const reason = evaluation.reasons.find(
      (r) => r.kind === 'override' || r.kind === 'priority' || r.kind === 'declared-priority' || r.kind === 'default',
    );
    if (evaluation.priority) lines.push(`**Priority:** \`${evaluation.priority}\`${reason ? ` — ${reason.detail}` : ''}`, '');
    const rows = [row('First response', evaluation.sla.firstResponse), row('Resolution', evaluation.sla.resolution)].filter(
      (r): r is string => r !== null,
    );
    if (rows.length > 0) {
      lines.push(`| Target | Due (${policy.calendar?.zone ?? 'UTC'}) | State |`, '|---|---|---|', ...rows);
    } else {
      lines.push('This policy sets no response or resolution deadline for this issue.');
    }
  }
  if (evaluation.flags.length > 0) lines.push('', `Flags: ${evaluation.flags.map((f) => `\`${f}\``).join(', ')}`);
  // A history flag points at another issue or a count, which the flag's name alone cannot say.
  for (const r of evaluation.reasons)
    if (r.kind === 'history' && evaluation.flags.includes(r.rule.slice('history:'.length))) lines.push(`- ${r.detail}`);
  // What the policy asks the agent to see (routing channel, tier, hints), in the policy's language.
  const forAgent = (evaluation.messages ?? []).filter((m) => m.audience === 'agent');
  if (forAgent.length > 0) lines.push('', ...forAgent.map((m) => `- ${m.text}`));
  if (configProblems.length > 0) {
    lines.push('', '> [!WARNING]', "> `.github/plazo.yml` could not be used, so the installation's defaults apply:");
    for (const p of configProblems.slice(0, 10)) lines.push(`> - \`${p.path}\`: ${p.message}`);
  }
  const kind = policy.sla.binding ? 'targets' : 'non-binding targets';
  lines.push(
    '',
    `<sub>Plazo applies the ${kind} of the ${policy.vendor} support policy (\`${policy.id}\`). A priority label set by a person overrides Plazo's.</sub>`,
  );
  return lines.join('\n');
}
