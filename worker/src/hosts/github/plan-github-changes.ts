import { overallSlaState } from '@plazo/core';
import type { PlanInput } from '../host-adapter.js';
import { type GitHubState, shownLabels } from './github-facts.js';
import { type GitHubSettings, hasLabel, priorityLabel, type ResolvedLabel, sameLabel, slaLabels } from './github-settings.js';
import { renderCustomerReply, renderSlaComment } from './render-sla-comment.js';

/** One change on GitHub; applied in order, each is safe to repeat. */
export type GitHubChange =
  | { kind: 'create-label'; name: string; color: string; description: string }
  | { kind: 'add-labels'; names: string[] }
  | { kind: 'remove-label'; name: string }
  | { kind: 'create-comment'; body: string }
  | { kind: 'update-comment'; commentId: number; body: string }
  /** A public comment telling the author the policy's customer messages (`codes`), each once. */
  | { kind: 'reply'; codes: string[]; body: string };

/** The SLA label an issue should carry: breached wins over at risk. */
/** The diff between what the issue shows and what it should show; excluded issues get only the comment, a matching issue nothing. */
export function planGitHubChanges({
  evaluation,
  policy,
  settings,
  configProblems,
  state,
  say = [],
}: PlanInput<GitHubSettings, GitHubState>): GitHubChange[] {
  const sla = slaLabels(settings);
  const wanted: ResolvedLabel[] = [];
  const managed: string[] = [sla.atRisk.name, sla.breached.name];
  if (!evaluation.excluded) {
    managed.push(...policy.priorities.map((p) => priorityLabel(settings, policy, p.id).name));
    if (evaluation.priority) wanted.push(priorityLabel(settings, policy, evaluation.priority));
  }
  const status = overallSlaState(evaluation);
  if (status === 'breached') wanted.push(sla.breached);
  if (status === 'at-risk') wanted.push(sla.atRisk);

  const labels = shownLabels(state);
  const changes: GitHubChange[] = [];
  const missing = wanted.filter((l) => !hasLabel(labels, l.name));
  for (const label of missing) {
    if (!state.repoLabels || !hasLabel(state.repoLabels, label.name)) changes.push({ kind: 'create-label', ...label });
  }
  if (missing.length > 0) changes.push({ kind: 'add-labels', names: missing.map((l) => l.name) });
  for (const name of labels) {
    if (hasLabel(managed, name) && !wanted.some((l) => sameLabel(l.name, name))) changes.push({ kind: 'remove-label', name });
  }

  const body = renderSlaComment(evaluation, policy, configProblems);
  if (!state.comment) changes.push({ kind: 'create-comment', body });
  else if (state.comment.body !== body) changes.push({ kind: 'update-comment', commentId: state.comment.id, body });
  // Last, so a failure before it retries without having spoken to the customer.
  if (say.length > 0) changes.push({ kind: 'reply', codes: say.map((m) => m.code), body: renderCustomerReply(say) });
  return changes;
}

/** The customer message codes a plan's public reply says. */
export const toldOnGitHub = (changes: readonly GitHubChange[]): string[] => changes.flatMap((c) => (c.kind === 'reply' ? c.codes : []));
