import type { Policy, TicketInput, TimelineEvent } from '@plazo/core';
import { AgentMarks } from '../agent-marks.js';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import { commandEvents } from '../plazo-commands.js';
import { type ZendeskFact, zendeskFactSchema, zendeskRefSchema } from './zendesk-facts.js';
import { zendeskMarks } from './zendesk-marks.js';
import { policyPriorityOf, zendeskPriorityMap } from './zendesk-priority-map.js';
import { policyStatusOf, type ZendeskSettings } from './zendesk-settings.js';

/**
 * Facts to core ticket: public comments by agents answer the first response; pending and on-hold enter the policy status
 * the installation maps them to (paused when the policy pauses it); solved and closed stop; an agent's last priority is
 * the override, read back through the priority map.
 */
export function toZendeskTicket(
  ticket: StoredTicket,
  facts: readonly TicketFact[],
  settings: ZendeskSettings,
  policy: Policy,
): TicketInput {
  const map = zendeskPriorityMap(policy, settings);
  const decided = ticket.evaluation?.priority ?? null;
  const timeline: TimelineEvent[] = [];
  const marks = new AgentMarks(timeline);
  const markOf = zendeskMarks(policy);
  let override: string | undefined;
  let stopped = false;

  const ordered = facts
    .map((f) => ({ at: f.at, fact: zendeskFactSchema.safeParse(f.data) }))
    .filter((f): f is { at: string; fact: { success: true; data: ZendeskFact } } => f.fact.success)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  for (const { at, fact } of ordered) {
    const f = fact.data;
    if (f.kind === 'comment') {
      timeline.push({ type: 'reply', at, public: f.public, byAgent: f.byAgent, ...(f.byRequester ? { byRequester: true } : {}) });
      // Agents move clocks by command, usually in an internal note; a customer's "/plazo" line is text.
      if (f.byAgent) timeline.push(...commandEvents(f.commands ?? [], at));
    } else if (f.kind === 'status') {
      if (f.status === 'solved' || f.status === 'closed') {
        if (!stopped) timeline.push({ type: 'solved', at });
        stopped = true;
        continue;
      }
      if (stopped) timeline.push({ type: 'reopened', at });
      stopped = false;
      const entered = f.status === 'pending' || f.status === 'hold' ? policyStatusOf(settings, f.status) : null;
      marks.hostStatus(at, entered ?? 'open');
    } else if (f.kind === 'tags') {
      for (const [tags, on] of [
        [f.removed, false],
        [f.added, true],
      ] as const) {
        for (const tag of tags) {
          const mark = markOf(tag);
          if (mark) marks.mark(at, mark, on);
        }
      }
    } else if (f.kind === 'priority') {
      if (!f.byAgent) continue;
      override = f.priority === null ? undefined : (policyPriorityOf(map, f.priority, override ?? decided) ?? undefined);
    }
  }

  // The ticket number is the case number a customer reads.
  const ref = zendeskRefSchema.safeParse(ticket.ref);
  return {
    id: ticket.key,
    ...(ref.success ? { reference: `#${ref.data.ticketId}` } : {}),
    createdAt: ticket.createdAt,
    subject: ticket.subject,
    body: ticket.body,
    ...(override ? { priority: override } : {}),
    ...(ticket.requester ? { requester: ticket.requester } : {}),
    channel: 'zendesk',
    timeline,
  };
}
