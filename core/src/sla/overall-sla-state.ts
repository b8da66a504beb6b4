import type { Evaluation, SlaState } from '../evaluation/evaluation-schema.js';

export type OverallSlaState = SlaState | 'excluded' | 'none';

/** Worst first: the state a badge, a label or a filter shows for the whole ticket. */
const severity: readonly SlaState[] = ['breached', 'at-risk', 'running', 'paused', 'met'];

/** One state for a ticket: its worst target's, `excluded` when out of scope, `none` without targets. */
export function overallSlaState(evaluation: Pick<Evaluation, 'excluded' | 'sla'>): OverallSlaState {
  if (evaluation.excluded) return 'excluded';
  const states = [evaluation.sla.firstResponse?.state, evaluation.sla.resolution?.state];
  return severity.find((s) => states.includes(s)) ?? 'none';
}
