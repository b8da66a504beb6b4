import { type Evaluation, overallSlaState } from '@plazo/core';
import type { PlanInput } from '../host-adapter.js';
import type { JiraState } from './jira-facts.js';
import { jiraPriorityMap } from './jira-priority-map.js';
import type { JiraSettings } from './jira-settings.js';
import { comparableProperty, type JiraSlaProperty, jiraSlaProperty } from './jira-sla-property.js';
import { type AdfDocument, adfParagraphs, renderJiraCommentAdf, renderJiraCommentText } from './render-jira-comment.js';

/** One change on a Jira issue; a session sends the field changes together in one edit. */
export type JiraChange =
  | { kind: 'set-priority'; name: string }
  | { kind: 'set-labels'; add: string[]; remove: string[] }
  | { kind: 'set-duedate'; duedate: string }
  | { kind: 'set-property'; value: JiraSlaProperty }
  | { kind: 'put-comment'; body: AdfDocument; text: string }
  /** The policy's customer messages, said once in a comment of their own (settings.customerMessages). */
  | { kind: 'public-comment'; codes: string[]; body: AdfDocument };

export const AT_RISK_LABEL = 'plazo-at-risk';
export const BREACHED_LABEL = 'plazo-breached';
const plazoLabels = [AT_RISK_LABEL, BREACHED_LABEL];

function wantedLabels(evaluation: Evaluation): string[] {
  const state = overallSlaState(evaluation);
  return state === 'breached' ? [BREACHED_LABEL] : state === 'at-risk' ? [AT_RISK_LABEL] : [];
}

/**
 * The resolution due day in the policy's zone (Jira's due date holds a day); left alone while paused (the instant moves
 * with the clock), for excluded issues and without a resolution target (a person's due date stays theirs).
 */
function dueDate(evaluation: Evaluation): string | null {
  const resolution = evaluation.sla.resolution;
  if (evaluation.excluded || !resolution || resolution.state === 'paused') return null;
  // dueAt is written in the policy's zone, so its date part is the local day.
  return resolution.dueAt.slice(0, 10);
}

/**
 * The diff between what the issue shows and what it should: the mapped priority, Plazo's two labels (others untouched), the
 * due date, the plazo-sla property, and Plazo's one comment (created once, then edited in place when its text changes).
 */
export function planJiraChanges({ evaluation, policy, settings, state, say = [] }: PlanInput<JiraSettings, JiraState>): JiraChange[] {
  const changes: JiraChange[] = [];
  const priority = !evaluation.excluded && evaluation.priority ? jiraPriorityMap(policy, settings).get(evaluation.priority) : undefined;
  if (priority && state.priority?.toLowerCase() !== priority.toLowerCase()) changes.push({ kind: 'set-priority', name: priority });

  const wanted = wantedLabels(evaluation);
  const add = wanted.filter((l) => !state.labels.includes(l));
  const remove = state.labels.filter((l) => plazoLabels.includes(l) && !wanted.includes(l));
  if (add.length > 0 || remove.length > 0) changes.push({ kind: 'set-labels', add, remove });

  const due = dueDate(evaluation);
  if (due !== null && state.duedate !== due) changes.push({ kind: 'set-duedate', duedate: due });

  const property = jiraSlaProperty(evaluation);
  if (comparableProperty(property) !== state.property) changes.push({ kind: 'set-property', value: property });

  const text = renderJiraCommentText(evaluation, policy);
  if (state.commentText !== text) changes.push({ kind: 'put-comment', body: renderJiraCommentAdf(evaluation, policy), text });
  // Last, so a failure before it retries without having spoken to the reporter.
  if (say.length > 0) changes.push({ kind: 'public-comment', codes: say.map((m) => m.code), body: adfParagraphs(say.map((m) => m.text)) });
  return changes;
}

/** The customer message codes a plan's public comment says. */
export const toldOnJira = (changes: readonly JiraChange[]): string[] =>
  changes.flatMap((c) => (c.kind === 'public-comment' ? c.codes : []));

/** The state the issue shows once `changes` are applied (a dry run keeps it; a comment it would create has no id yet). */
export function simulateJiraChanges(state: JiraState, changes: readonly JiraChange[]): JiraState {
  const next: JiraState = { ...state, labels: [...state.labels] };
  for (const c of changes) {
    if (c.kind === 'set-priority') next.priority = c.name;
    if (c.kind === 'set-labels')
      next.labels = [...next.labels.filter((l) => !c.remove.includes(l)), ...c.add.filter((l) => !next.labels.includes(l))];
    if (c.kind === 'set-duedate') next.duedate = c.duedate;
    if (c.kind === 'set-property') next.property = comparableProperty(c.value);
    if (c.kind === 'put-comment') next.commentText = c.text;
  }
  return next;
}
