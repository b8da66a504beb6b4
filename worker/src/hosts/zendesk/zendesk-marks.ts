import type { Policy } from '@plazo/core';
import { type AgentMark, policyMarks } from '../agent-marks.js';

/**
 * The tag an agent (or a macro) sets for a policy mark: `status_manufacturer`, `milestone_plan_delivered`, `tier_nivel_3`.
 * Not `plazo_`: Plazo removes the plazo_ tags it did not decide.
 */
export function zendeskMarkTag(mark: AgentMark): string {
  return `${mark.kind}_${mark.id.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`;
}

/** Whether a tag is shaped like a mark of some policy: a new ticket's other tags are not kept as facts. */
export const isMarkTag = (tag: string) => /^(?:status|milestone|tier)_[a-z0-9_]+$/.test(tag.toLowerCase());

/** What a tag means for the policy, if anything; Zendesk tags are lower-case. */
export function zendeskMarks(policy: Policy): (tag: string) => AgentMark | undefined {
  const marks = policyMarks(policy, zendeskMarkTag);
  return (tag) => marks.get(tag.toLowerCase());
}
