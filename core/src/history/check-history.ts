import type { Reason } from '../evaluation/evaluation-schema.js';
import type { Policy } from '../policy/policy-schema.js';
import type { Ticket } from '../ticket/ticket-schema.js';
import { calendarMonth } from './calendar-month.js';
import { subjectWords } from './subject-words.js';
import type { HistoryTicket, TicketHistory } from './ticket-history.js';

/** Two subjects name one matter when at least half of all their words are shared (Jaccard similarity). */
export const DUPLICATE_SIMILARITY = 0.5;

export type HistoryInput = {
  policy: Policy;
  ticket: Ticket;
  /** This ticket's triage category: a ticket in another category is another matter. */
  category: string | null;
  history: TicketHistory | undefined;
  /** The installation's limit for this customer; else the policy's number (a `perPlan` policy needs one). */
  monthlyTicketQuota: number | undefined;
  /** Writes an instant in the policy's zone. */
  iso: (ms: number) => string;
};

export type HistoryOutcome = { flags: string[]; reasons: Reason[] };

/**
 * The rules over a customer's history, each driven by a field of the policy's intake: `rejectDuplicates` (flag
 * `possible-duplicate`), `followUpCooldownMinutes` (`early-follow-up`), `monthlyTicketQuota` (`over-quota`). They flag
 * and explain; what happens next (merge, refuse, suspend) is for people to decide.
 */
export function checkHistory(input: HistoryInput): HistoryOutcome {
  const out: HistoryOutcome = { flags: [], reasons: [] };
  const add = (flag: string, reason: Omit<Reason, 'rule' | 'kind' | 'evidence' | 'confidence'> & Partial<Reason>) => {
    out.flags.push(flag);
    out.reasons.push({ rule: `history:${flag}`, kind: 'history', evidence: [], confidence: 1, ...reason });
  };
  const { policy, history } = input;
  const whose = history ? whoseHistory(history) : '';

  if (policy.intake.rejectDuplicates && history) {
    const match = findDuplicate(input, history.openTickets);
    if (match) {
      add('possible-duplicate', {
        detail: `Possible duplicate of ${match.ticket.label} ("${match.ticket.subject}"), still open, from ${whose}: the subjects share ${match.shared.join(', ')}${input.category ? ` and both are ${input.category}` : ''}. The policy asks for one ticket per matter.`,
        evidence: [match.ticket.subject],
        confidence: Math.min(1, 0.5 + match.similarity / 2),
        history: { identity: history.identity, ticket: match.ticket.id, ticketLabel: match.ticket.label, sharedWords: match.shared },
      });
    }
  }

  const cooldown = policy.intake.followUpCooldownMinutes;
  if (cooldown !== undefined) {
    const early = earlyFollowUps(input.ticket, cooldown);
    const last = early.at(-1);
    if (last) {
      const times = early.length === 1 ? '' : ` (${early.length} messages this soon on this ticket)`;
      add('early-follow-up', {
        detail: `The requester wrote ${last.minutes} minute${last.minutes === 1 ? '' : 's'} after the agent's reply of ${input.iso(last.replyMs)}; the policy asks to wait ${cooldown} minutes${times}.`,
        history: { identity: 'requester', minutes: last.minutes, cooldownMinutes: cooldown },
      });
    }
  }

  const policyQuota = policy.intake.monthlyTicketQuota;
  const limit = input.monthlyTicketQuota ?? (typeof policyQuota === 'number' ? policyQuota : undefined);
  if (history && limit !== undefined) {
    const { month } = calendarMonth(policy, Date.parse(input.ticket.createdAt));
    if (history.monthCount > limit)
      add('over-quota', {
        detail: `Ticket ${history.monthCount} of ${month} from ${whose}; the monthly quota is ${limit}.`,
        history: { identity: history.identity, count: history.monthCount, limit, month },
      });
  } else if (history && policyQuota === 'perPlan') {
    // A quota the policy promises but nobody configured is said once per ticket rather than skipped in silence.
    out.reasons.push({
      rule: 'history:quota-not-configured',
      kind: 'history',
      detail:
        "The policy limits tickets per month by plan, and this installation sets no limit for this customer's plan (monthlyTicketQuota).",
      evidence: [],
      confidence: 1,
    });
  }
  return out;
}

function whoseHistory(history: TicketHistory): string {
  if (history.identity === 'organization') return 'the same organisation';
  return history.identityNote ? `the same requester (${history.identityNote})` : 'the same requester';
}

type Duplicate = { ticket: HistoryTicket; shared: string[]; similarity: number };

/** The open ticket whose subject is most like this one's (same category when both have one), if any is alike enough. */
function findDuplicate(input: HistoryInput, others: readonly HistoryTicket[]): Duplicate | null {
  const mine = subjectWords(input.policy, input.ticket.subject);
  if (mine.size === 0) return null;
  let best: Duplicate | null = null;
  for (const other of others) {
    if (other.id === input.ticket.id) continue;
    if (input.category && other.category && input.category !== other.category) continue;
    const theirs = subjectWords(input.policy, other.subject);
    const shared = [...mine].filter((w) => theirs.has(w));
    const similarity = shared.length / (mine.size + theirs.size - shared.length);
    if (similarity >= DUPLICATE_SIMILARITY && (!best || similarity > best.similarity)) best = { ticket: other, shared, similarity };
  }
  return best;
}

type EarlyFollowUp = { replyMs: number; minutes: number };

/** The requester's messages written less than `cooldown` minutes after the agent's last public reply before them. */
function earlyFollowUps(ticket: Ticket, cooldown: number): EarlyFollowUp[] {
  const replies = ticket.timeline
    .filter((e) => e.type === 'reply')
    .map((e) => ({ ...e, ms: Date.parse(e.at) }))
    .sort((a, b) => a.ms - b.ms);
  const early: EarlyFollowUp[] = [];
  let agentMs: number | null = null;
  for (const r of replies) {
    if (r.byAgent) {
      if (r.public) agentMs = r.ms;
    } else if (r.byRequester && agentMs !== null && r.ms - agentMs < cooldown * 60_000) {
      early.push({ replyMs: agentMs, minutes: Math.floor((r.ms - agentMs) / 60_000) });
    }
  }
  return early;
}
