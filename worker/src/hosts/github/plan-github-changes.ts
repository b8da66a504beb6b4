import type { Evaluation } from '@plazo/core';
import type { PlanInput } from '../host-adapter.js';
import type { GitHubState } from './github-facts.js';
import { priorityLabel, sameLabel, slaLabels, type GitHubSettings, type ResolvedLabel } from './github-settings.js';
import { renderSlaComment } from './render-sla-comment.js';

/** One change on GitHub; applied in order, each is safe to repeat. */
export type GitHubChange =
  | { kind: 'create-label'; name: string; color: string; description: string }
  | { kind: 'add-labels'; names: string[] }
  | { kind: 'remove-label'; name: string }
  | { kind: 'create-comment'; body: string }
  | { kind: 'update-comment'; commentId: number; body: string };

/** The SLA label an issue should carry: breached wins over at risk. */
export function slaStatusOf(evaluation: Evaluation): 'at-risk' | 'breached' | null {
  if (evaluation.excluded) return null;
  const states = [evaluation.sla.firstResponse?.state, evaluation.sla.resolution?.state];
  if (states.includes('breached')) return 'breached';
  if (states.includes('at-risk')) return 'at-risk';
  return null;
}

const has = (names: readonly string[], name: string) => names.some((n) => sameLabel(n, name));

/** The diff between what the issue shows and what it should show; excluded issues get only the comment, a matching issue nothing. */
export function planGitHubChanges({ evaluation, policy, settings, configProblems, state }: PlanInput<GitHubSettings, GitHubState>): GitHubChange[] {
  const sla = slaLabels(settings);
  const wanted: ResolvedLabel[] = [];
  const managed: string[] = [sla.atRisk.name, sla.breached.name];
  if (!evaluation.excluded) {
    managed.push(...policy.priorities.map((p) => priorityLabel(settings, policy, p.id).name));
    if (evaluation.priority) wanted.push(priorityLabel(settings, policy, evaluation.priority));
  }
  const status = slaStatusOf(evaluation);
  if (status) wanted.push(status === 'breached' ? sla.breached : sla.atRisk);

  const changes: GitHubChange[] = [];
  const missing = wanted.filter((l) => !has(state.labels, l.name));
  for (const label of missing) {
    if (!state.repoLabels || !has(state.repoLabels, label.name)) changes.push({ kind: 'create-label', ...label });
  }
  if (missing.length > 0) changes.push({ kind: 'add-labels', names: missing.map((l) => l.name) });
  for (const name of state.labels) {
    if (has(managed, name) && !wanted.some((l) => sameLabel(l.name, name))) changes.push({ kind: 'remove-label', name });
  }

  const body = renderSlaComment(evaluation, policy, configProblems);
  if (!state.comment) changes.push({ kind: 'create-comment', body });
  else if (state.comment.body !== body) changes.push({ kind: 'update-comment', commentId: state.comment.id, body });
  return changes;
}

/** The state the issue shows after `changes`; a dry run keeps it in place of calling GitHub. */
export function simulateGitHubChanges(state: GitHubState, changes: readonly GitHubChange[]): GitHubState {
  const next: GitHubState = { labels: [...state.labels], repoLabels: state.repoLabels ? [...state.repoLabels] : null, comment: state.comment };
  for (const change of changes) {
    switch (change.kind) {
      case 'create-label':
        next.repoLabels = [...(next.repoLabels ?? []), change.name];
        break;
      case 'add-labels':
        next.labels.push(...change.names.filter((n) => !has(next.labels, n)));
        break;
      case 'remove-label':
        next.labels = next.labels.filter((n) => !sameLabel(n, change.name));
        break;
      case 'create-comment':
        next.comment = { id: 0, body: change.body };
        break;
      case 'update-comment':
        next.comment = { id: change.commentId, body: change.body };
        break;
    }
  }
  return next;
}
