import { describe, expect, it } from 'vitest';
import { type GitHubState, readGitHubState, shownLabels } from './github-facts.js';
import { simulateGitHubDryRun } from './simulate-github-changes.js';

describe('simulateGitHubDryRun', () => {
  const reported: GitHubState = { labels: ['bug', 'sla: at risk'], repoLabels: ['bug', 'sla: at risk'], comment: null };
  const dryRun = simulateGitHubDryRun(reported, [
    { kind: 'create-label', name: 'priority: media', color: 'ededed', description: '' },
    { kind: 'add-labels', names: ['priority: media'] },
    { kind: 'remove-label', name: 'sla: at risk' },
    { kind: 'create-comment', body: 'plan' },
  ]);

  it('keeps the labels GitHub reported and the unsent label changes beside them', () => {
    expect(dryRun).toMatchObject({
      labels: ['bug', 'sla: at risk'],
      dryRunLabels: { added: ['priority: media'], removed: ['sla: at risk'] },
      comment: { body: 'plan' },
    });
    expect(shownLabels(dryRun)).toEqual(['bug', 'priority: media']);
  });

  it('survives a later delivery overwriting the labels, and lets what the issue then shows through', () => {
    // A delivery replaces `labels` only (json_patch in the store).
    expect(shownLabels(readGitHubState({ ...dryRun, labels: ['bug', 'sla: at risk', 'question'] }))).toEqual([
      'bug',
      'question',
      'priority: media',
    ]);
    // A person took "sla: at risk" off and put it back: the pending removal is gone, the label shows.
    const removed = readGitHubState({ ...dryRun, labels: ['bug'] });
    expect(removed.dryRunLabels).toEqual({ added: ['priority: media'], removed: [] });
    expect(shownLabels(readGitHubState({ ...removed, labels: ['bug', 'sla: at risk'] }))).toEqual([
      'bug',
      'sla: at risk',
      'priority: media',
    ]);
  });
});
