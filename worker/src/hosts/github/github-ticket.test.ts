import { builtInPolicies } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import type { GitHubFact } from './github-facts.js';
import { toGitHubTicket } from './github-ticket.js';

const policy = builtInPolicies.get('peewah')!;
const ticket = { key: 'github:issue:1', createdAt: '2026-03-02T15:00:00Z', subject: 's', body: 'b', requester: 'opener' } as StoredTicket;
const fact = (at: string, data: GitHubFact): TicketFact => ({ eventKey: at, at, data });
const comment = (association: string, extra: Partial<Extract<GitHubFact, { kind: 'comment' }>> = {}): GitHubFact => ({
  kind: 'comment',
  commentId: 1,
  login: 'x',
  association,
  bot: false,
  byIssueAuthor: false,
  ...extra,
});

describe('toGitHubTicket', () => {
  it('counts comments of repository people, not the opener or bots', () => {
    const t = toGitHubTicket(
      ticket,
      [
        fact('2026-03-02T15:01:00Z', comment('MEMBER', { byIssueAuthor: true })),
        fact('2026-03-02T15:02:00Z', comment('NONE')),
        fact('2026-03-02T15:03:00Z', comment('OWNER', { bot: true })),
        fact('2026-03-02T15:04:00Z', comment('COLLABORATOR')),
      ],
      {},
      policy,
    );
    expect(t.timeline).toEqual([
      { type: 'reply', at: '2026-03-02T15:01:00Z', public: true, byAgent: false, byRequester: true },
      { type: 'reply', at: '2026-03-02T15:02:00Z', public: true, byAgent: false },
      { type: 'reply', at: '2026-03-02T15:04:00Z', public: true, byAgent: true },
    ]);
    const custom = toGitHubTicket(
      ticket,
      [fact('2026-03-02T15:02:00Z', comment('NONE', { login: 'Helper' }))],
      { agents: { logins: ['helper'] } },
      policy,
    );
    expect(custom.timeline).toEqual([{ type: 'reply', at: '2026-03-02T15:02:00Z', public: true, byAgent: true }]);
  });

  it('takes the last priority label a person set as the override, and drops it when they remove it', () => {
    const labeled = (at: string, label: string, byPerson = true, kind: 'labeled' | 'unlabeled' = 'labeled') =>
      fact(at, { kind, label, byPerson });
    expect(
      toGitHubTicket(
        ticket,
        [labeled('2026-03-02T15:01:00Z', 'priority: baja'), labeled('2026-03-02T15:02:00Z', 'Priority: Alta')],
        {},
        policy,
      ).priority,
    ).toBe('alta');
    expect(toGitHubTicket(ticket, [labeled('2026-03-02T15:01:00Z', 'priority: alta', false)], {}, policy).priority).toBeUndefined();
    expect(
      toGitHubTicket(
        ticket,
        [labeled('2026-03-02T15:01:00Z', 'priority: alta'), labeled('2026-03-02T15:02:00Z', 'priority: alta', true, 'unlabeled')],
        {},
        policy,
      ).priority,
    ).toBeUndefined();
    expect(
      toGitHubTicket(ticket, [labeled('2026-03-02T15:01:00Z', 'P0')], { labels: { priorities: { alta: { name: 'P0' } } } }, policy)
        .priority,
    ).toBe('alta');
  });

  it('turns closes, reopens and status labels into clock events, in time order', () => {
    const t = toGitHubTicket(
      ticket,
      [
        fact('2026-03-02T17:00:00Z', { kind: 'reopened' }),
        fact('2026-03-02T16:00:00Z', { kind: 'closed' }),
        fact('2026-03-02T15:30:00Z', { kind: 'labeled', label: 'waiting', byPerson: true }),
        fact('2026-03-02T15:45:00Z', { kind: 'unlabeled', label: 'waiting', byPerson: true }),
      ],
      { statusLabels: { waiting: 'pending' } },
      policy,
    );
    expect(t.timeline).toEqual([
      { type: 'status', at: '2026-03-02T15:30:00Z', status: 'pending' },
      { type: 'status', at: '2026-03-02T15:45:00Z', status: 'open' },
      { type: 'solved', at: '2026-03-02T16:00:00Z' },
      { type: 'reopened', at: '2026-03-02T17:00:00Z' },
    ]);
  });
});
