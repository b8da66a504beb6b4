import type { Policy } from '@plazo/core';
import { type AgentMark, policyMarks } from '../agent-marks.js';
import type { GitHubSettings } from './github-settings.js';

/** Labels GitHub projects commonly use for "waiting on the customer": they enter the policy's `pending` with no setting. */
export const WAITING_LABELS = [
  'waiting for customer',
  'waiting on customer',
  'waiting for response',
  'awaiting response',
  'needs more info',
  'more information needed',
] as const;

/** The label an agent sets for a policy mark when no setting names another: `status: manufacturer`, `plazo: plan-delivered`, `tier: nivel-3`. */
export function githubMarkLabel(mark: AgentMark): string {
  return `${mark.kind === 'status' ? 'status' : mark.kind === 'tier' ? 'tier' : 'plazo'}: ${mark.id}`;
}

/**
 * What a label means for the policy, compared without case: the settings' `statusLabels` first (a status, or null: nothing),
 * then the default label of each pause status, milestone and tier, then the waiting labels.
 */
export function githubMarks(settings: GitHubSettings, policy: Policy): (label: string) => AgentMark | undefined {
  const lower = (s: string) => s.toLowerCase();
  const marks = policyMarks(policy, githubMarkLabel, lower);
  for (const name of WAITING_LABELS) if (!marks.has(name)) marks.set(name, { kind: 'status', id: 'pending' });
  for (const [name, status] of Object.entries(settings.statusLabels ?? {})) {
    if (status === null) marks.delete(lower(name));
    else marks.set(lower(name), { kind: 'status', id: status });
  }
  return (label) => marks.get(lower(label));
}
