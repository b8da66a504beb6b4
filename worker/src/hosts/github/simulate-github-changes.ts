import { type GitHubState, shownLabels } from './github-facts.js';
import { hasLabel, sameLabel } from './github-settings.js';
import type { GitHubChange } from './plan-github-changes.js';

/** The state the issue shows once `changes` are applied on GitHub. */
export function simulateGitHubChanges(state: GitHubState, changes: readonly GitHubChange[]): GitHubState {
  const next: GitHubState = {
    labels: [...state.labels],
    repoLabels: state.repoLabels ? [...state.repoLabels] : null,
    comment: state.comment,
  };
  for (const change of changes) {
    switch (change.kind) {
      case 'create-label':
        next.repoLabels = [...(next.repoLabels ?? []), change.name];
        break;
      case 'add-labels':
        next.labels.push(...change.names.filter((n) => !hasLabel(next.labels, n)));
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
      case 'reply':
        // A reply is said once (shared code records it), not a state the issue keeps showing.
        break;
    }
  }
  return next;
}

/** What a dry run keeps: the simulated comment and repository labels, and its label changes beside the labels GitHub reported. */
export function simulateGitHubDryRun(state: GitHubState, changes: readonly GitHubChange[]): GitHubState {
  const after = simulateGitHubChanges({ ...state, labels: shownLabels(state) }, changes);
  const added = after.labels.filter((n) => !hasLabel(state.labels, n));
  const removed = state.labels.filter((n) => !hasLabel(after.labels, n));
  return { ...after, labels: state.labels, dryRunLabels: { added, removed } };
}
