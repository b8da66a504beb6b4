import type { Policy, TicketInput, TimelineEvent } from '@plazo/core';
import { AgentMarks } from '../agent-marks.js';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import { commandEvents } from '../plazo-commands.js';
import { type GitHubFact, githubFactSchema, githubRefSchema } from './github-facts.js';
import { githubMarks } from './github-marks.js';
import { defaultAgentAssociations, type GitHubSettings, priorityLabel, sameLabel } from './github-settings.js';

/** A comment answers the first response when a repository person (not the opener, not a bot) writes it. */
export function isAgentComment(fact: Extract<GitHubFact, { kind: 'comment' }>, settings: GitHubSettings): boolean {
  if (fact.bot || fact.byIssueAuthor) return false;
  const logins = settings.agents?.logins ?? [];
  if (logins.some((l) => l.toLowerCase() === fact.login.toLowerCase())) return true;
  const associations: readonly string[] = settings.agents?.associations ?? defaultAgentAssociations;
  return associations.includes(fact.association);
}

/** Facts to core ticket: comments are replies, close/reopen stop and resume clocks, status labels are statuses, a person's last priority label is the override. */
export function toGitHubTicket(ticket: StoredTicket, facts: readonly TicketFact[], settings: GitHubSettings, policy: Policy): TicketInput {
  const byLabel = new Map(policy.priorities.map((p) => [priorityLabel(settings, policy, p.id).name.toLowerCase(), p.id]));
  const markOf = githubMarks(settings, policy);
  const timeline: TimelineEvent[] = [];
  const marks = new AgentMarks(timeline);
  let override: { priority: string; label: string } | undefined;

  const ordered = facts
    .map((f) => ({ at: f.at, fact: githubFactSchema.safeParse(f.data) }))
    .filter((f): f is { at: string; fact: { success: true; data: GitHubFact } } => f.fact.success)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  for (const { at, fact } of ordered) {
    const f = fact.data;
    if (f.kind === 'comment') {
      if (f.bot) continue;
      const byAgent = isAgentComment(f, settings);
      timeline.push({ type: 'reply', at, public: true, byAgent, ...(f.byIssueAuthor ? { byRequester: true } : {}) });
      // Only agents move clocks by command: a customer cannot mark their own plan delivered.
      if (byAgent) timeline.push(...commandEvents(f.commands ?? [], at));
    } else if (f.kind === 'closed') {
      timeline.push({ type: 'solved', at });
    } else if (f.kind === 'reopened') {
      timeline.push({ type: 'reopened', at });
    } else {
      const mark = markOf(f.label);
      if (mark) marks.mark(at, mark, f.kind === 'labeled');
      const priority = byLabel.get(f.label.toLowerCase());
      if (priority && f.byPerson) {
        if (f.kind === 'labeled') override = { priority, label: f.label };
        else if (override && sameLabel(override.label, f.label)) override = undefined;
      }
    }
  }

  // The issue number is the case number a customer reads.
  const ref = githubRefSchema.safeParse(ticket.ref);
  return {
    id: ticket.key,
    ...(ref.success ? { reference: `#${ref.data.number}` } : {}),
    createdAt: ticket.createdAt,
    subject: ticket.subject,
    body: ticket.body,
    ...(override ? { priority: override.priority } : {}),
    ...(ticket.requester ? { requester: ticket.requester } : {}),
    channel: 'github',
    timeline,
  };
}
