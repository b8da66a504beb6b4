import type { Policy } from '@plazo/core';
import { type AgentMark, policyMarks } from '../agent-marks.js';

/**
 * The label an agent (or an automation rule) sets for a policy mark: `status-manufacturer`, `milestone-plan-delivered`,
 * `tier-nivel-3` (Jira labels hold no spaces). Not `plazo-`: those two are Plazo's own.
 */
export function jiraMarkLabel(mark: AgentMark): string {
  return `${mark.kind}-${mark.id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;
}

/** Whether a label is shaped like a mark of some policy: other labels are not kept as facts. */
export const isMarkLabel = (label: string) => /^(?:status|milestone|tier)-[a-z0-9_-]+$/.test(label.toLowerCase());

/** What a label means for the policy, if anything (compared without regard to case). */
export function jiraMarks(policy: Policy): (label: string) => AgentMark | undefined {
  const marks = policyMarks(policy, jiraMarkLabel);
  return (label) => marks.get(label.toLowerCase());
}
