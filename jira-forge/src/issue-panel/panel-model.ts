import type { SlaState, TargetName, TargetStatus } from '@plazo/core';
import {
  explainReason,
  flagName,
  formatDuration,
  formatInstant,
  type Locale,
  missingLabels,
  reasonForFlag,
  type ViewMessages,
} from '@plazo/view-text';
import type { JiraMessages } from '../jira-messages';
import type { WorkerAnswer } from '../worker/worker-answer';
import type { IssueView } from '../worker/worker-contract';
import { type LozengeAppearance, stateAppearance } from './state-appearance';

export type TargetModel = {
  target: TargetName;
  name: string;
  state: SlaState;
  stateLabel: string;
  appearance: LozengeAppearance;
  /** Time left, overdue or met, in business time when the target counts it. */
  line: string;
  /** The due instant in the user's zone and in the policy's; null once met. */
  due: string | null;
  pausedNote: string | null;
};

export type ReasonModel = { rule: string; text: string; confidence: string; evidence: string[] };
export type FlagModel = { id: string; name: string; explanation: string | null };

export type PanelModel =
  | { kind: 'loading'; text: string }
  | { kind: 'notice'; testId: string; appearance: 'information' | 'warning' | 'error'; title: string; detail: string }
  | {
      kind: 'ok';
      decidedLabel: string;
      priority: string;
      hostPriority: string | null;
      whyLabel: string;
      reasons: ReasonModel[];
      excluded: { title: string; description: string; note: string } | null;
      targets: TargetModel[];
      flagsLabel: string;
      flags: FlagModel[];
      missing: string | null;
      evaluatedAt: string;
    };

export type PanelContext = { locale: Locale; zone: string; t: ViewMessages; jira: JiraMessages };

function targetModel(s: TargetStatus, view: IssueView, ctx: PanelContext): TargetModel {
  const { locale, zone, t, jira } = ctx;
  const business = s.clock === 'business';
  // The Worker's evaluation is as of evaluatedAt (it re-evaluates on every event and when a state changes by time).
  const asOf = (line: string) => jira.remainingAt(line, formatInstant(view.evaluation.evaluatedAt, locale, zone));
  let line: string;
  if (s.state === 'met') line = t.metAt(formatInstant(s.metAt ?? s.dueAt, locale, zone));
  else if (s.state === 'breached')
    line = s.metAt ? t.metAt(formatInstant(s.metAt, locale, zone)) : asOf(t.overdue(formatDuration(s.remainingMs), business));
  else line = asOf(t.remaining(formatDuration(s.remainingMs), business));
  const policyZone = view.policy.zone ?? 'UTC';
  return {
    target: s.target,
    name: t.target[s.target],
    state: s.state,
    stateLabel: t.state[s.state],
    appearance: stateAppearance[s.state],
    line,
    due:
      s.state === 'met'
        ? null
        : `${t.dueYours(formatInstant(s.dueAt, locale, zone))} · ${t.duePolicy(formatInstant(s.dueAt, locale, policyZone), policyZone)}`,
    pausedNote: s.state === 'paused' ? t.pausedNote : null,
  };
}

/** What the issue panel shows for one load of the Worker's answer: pure, so each state is tested without Jira. */
export function panelModel(load: WorkerAnswer<IssueView> | null, ctx: PanelContext): PanelModel {
  const { locale, t, jira } = ctx;
  if (!load) return { kind: 'loading', text: jira.loading };
  if (!load.ok) {
    const f = load.failure;
    if (f.kind === 'not-seen')
      return { kind: 'notice', testId: 'plazo-not-seen', appearance: 'information', title: jira.notSeen, detail: jira.notSeenDetail };
    if (f.kind === 'unreachable')
      return {
        kind: 'notice',
        testId: 'plazo-unreachable',
        appearance: 'warning',
        title: jira.unreachable,
        detail: jira.unreachableDetail(f.detail),
      };
    const code = f.kind === 'error' ? f.code : f.kind;
    return { kind: 'notice', testId: 'plazo-error', appearance: 'error', title: jira.failed, detail: jira.failedDetail(code, f.detail) };
  }
  const view = load.value;
  const ev = view.evaluation;
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });
  const missingReasons = ev.reasons.filter((r) => r.missing && ev.flags.some((f) => r.rule === `intake:${f}`));
  return {
    kind: 'ok',
    decidedLabel: t.decided,
    priority: ev.priority ?? t.noPriority,
    hostPriority: view.hostPriority === null ? null : jira.jiraShows(view.hostPriority),
    whyLabel: t.why,
    reasons: ev.reasons.map((r) => ({
      rule: r.rule,
      text: explainReason(r, ev, null, locale, t),
      confidence: t.confidence(percent.format(r.confidence)),
      evidence: r.evidence,
    })),
    excluded: ev.excluded
      ? { title: t.excluded(flagName(ev.exclusion?.id ?? '', t)), description: ev.exclusion?.description ?? '', note: t.noDeadlines }
      : null,
    targets: ev.excluded
      ? []
      : [ev.sla.firstResponse, ev.sla.resolution].filter((s): s is TargetStatus => s !== null).map((s) => targetModel(s, view, ctx)),
    flagsLabel: t.flags,
    flags: ev.flags.map((flag) => {
      const reason = reasonForFlag(flag, ev, null);
      return { id: flag, name: flagName(flag, t), explanation: reason ? explainReason(reason, ev, null, locale, t) : null };
    }),
    missing: missingReasons.length > 0 ? `${t.missing}: ${missingReasons.flatMap((r) => missingLabels(r, null, locale)).join(', ')}` : null,
    evaluatedAt: jira.evaluatedAt(formatInstant(ev.evaluatedAt, locale, ctx.zone)),
  };
}
