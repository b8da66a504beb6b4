import type { Policy, TicketInput, TimelineEvent } from '@plazo/core';
import { AgentMarks } from '../agent-marks.js';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import { commandEvents } from '../plazo-commands.js';
import { type JiraFact, type JiraState, jiraFactSchema, jiraRefSchema } from './jira-facts.js';
import { jiraMarks } from './jira-marks.js';
import { jiraPriorityMap, policyPriorityOf } from './jira-priority-map.js';
import type { JiraSettings } from './jira-settings.js';

/** The policy status a pausing Jira status enters: the policy's first paused status, which its clock stops in. */
const pausedStatusOf = (policy: Policy) => policy.sla.pauseStatuses[0] ?? 'pending';

/**
 * Facts to core ticket: comments by agents (anyone but the reporter, or whom settings.agents names) answer the first response
 * (internal notes count as private replies); a status in the Done category stops, leaving it reopens; the installation's pause
 * statuses pause; a person's last priority is the override, read back through the priority map.
 */
export function toJiraTicket(
  ticket: StoredTicket,
  facts: readonly TicketFact[],
  settings: JiraSettings,
  policy: Policy,
  state?: JiraState,
): TicketInput {
  // Under settings.agents, the authors Jira said are agents (read with the issue); otherwise anyone but the reporter.
  const agents = state?.agents ? new Set(state.agents) : null;
  const map = jiraPriorityMap(policy, settings);
  const pauses = new Set((settings.pauseStatuses ?? []).map((s) => s.toLowerCase()));
  const decided = ticket.evaluation?.priority ?? null;
  const timeline: TimelineEvent[] = [];
  const ref = jiraRefSchema.safeParse(ticket.ref);
  // Mark labels (status-…, milestone-…, tier-…) over Jira's own status, as GitHub labels and Zendesk tags do.
  const marks = new AgentMarks(timeline);
  const markOf = jiraMarks(policy);
  let override: string | undefined;
  let stopped = false;

  const ordered = facts
    .map((f) => ({ at: f.at, fact: jiraFactSchema.safeParse(f.data) }))
    .filter((f): f is { at: string; fact: { success: true; data: JiraFact } } => f.fact.success)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  for (const { at, fact } of ordered) {
    const f = fact.data;
    if (f.kind === 'comment') {
      const byRequester = f.author !== null && f.author === ticket.requester;
      const byAgent = f.author !== null && !byRequester && (agents === null || agents.has(f.author));
      timeline.push({ type: 'reply', at, public: f.public, byAgent, byRequester });
      // An agent's /plazo lines: milestones, tiers, estimates (a reporter's are only text).
      if (byAgent) timeline.push(...commandEvents(f.commands ?? [], at));
    } else if (f.kind === 'status') {
      if (f.category === 'done') {
        if (!stopped) timeline.push({ type: 'solved', at });
        stopped = true;
        continue;
      }
      if (stopped) timeline.push({ type: 'reopened', at });
      stopped = false;
      marks.hostStatus(at, pauses.has(f.name.toLowerCase()) ? pausedStatusOf(policy) : 'open');
    } else if (f.kind === 'labels') {
      for (const [labels, on] of [
        [f.added, true],
        [f.removed, false],
      ] as const)
        for (const label of labels) {
          const mark = markOf(label);
          if (mark) marks.mark(at, mark, on);
        }
    } else if (f.kind === 'priority') {
      if (!f.byPerson) continue;
      override = f.name === null ? undefined : (policyPriorityOf(map, f.name, override ?? decided) ?? undefined);
    }
  }

  return {
    id: ticket.key,
    createdAt: ticket.createdAt,
    subject: ticket.subject,
    body: ticket.body,
    ...(override ? { priority: override } : {}),
    ...(ticket.requester ? { requester: ticket.requester } : {}),
    channel: 'jira',
    // How people name the issue (its key, "SUP-12"), for the customer messages' case number.
    ...(ref.success ? { reference: ref.data.issueKey } : {}),
    timeline,
  };
}
