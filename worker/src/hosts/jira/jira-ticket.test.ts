import { builtInPolicies } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import type { JiraFact } from './jira-facts.js';
import { jiraPriorityMap } from './jira-priority-map.js';
import { toJiraTicket } from './jira-ticket.js';

const policy = builtInPolicies.get('websaas')!;
const stored = (evaluationPriority: string | null = null): StoredTicket =>
  ({
    key: 'jira:acme.atlassian.net:10001',
    installationKey: 'jira:acme.atlassian.net',
    scope: 'SUP',
    ref: { issueId: '10001', issueKey: 'SUP-1' },
    createdAt: '2026-12-01T14:00:00Z',
    subject: 'No puedo facturar',
    body: 'error al emitir',
    requester: 'reporter-1',
    host: 'jira',
    status: 'open',
    hostState: {},
    policyId: 'websaas',
    evaluation: evaluationPriority ? ({ priority: evaluationPriority } as never) : null,
    evaluatedAt: null,
    version: 1,
    appliedVersion: 0,
  }) as unknown as StoredTicket;
const fact = (at: string, data: JiraFact, key = at): TicketFact => ({ eventKey: key, at, data });

describe('toJiraTicket', () => {
  it("counts anyone's comment but the reporter's as an agent's reply, and an internal note as private", () => {
    const t = toJiraTicket(
      stored(),
      [
        fact('2026-12-01T15:00:00Z', { kind: 'comment', commentId: '1', author: 'reporter-1', public: true }),
        fact('2026-12-01T16:00:00Z', { kind: 'comment', commentId: '2', author: 'agent-7', public: false }),
      ],
      {},
      policy,
    );
    expect(t.timeline).toEqual([
      { type: 'reply', at: '2026-12-01T15:00:00Z', public: true, byAgent: false, byRequester: true },
      { type: 'reply', at: '2026-12-01T16:00:00Z', public: false, byAgent: true, byRequester: false },
    ]);
  });

  it("solves in a Done-category status, reopens when it leaves, and pauses in the installation's pause statuses", () => {
    const t = toJiraTicket(
      stored(),
      [
        fact('2026-12-01T15:00:00Z', { kind: 'status', name: 'Waiting for Customer', category: 'indeterminate' }),
        fact('2026-12-01T16:00:00Z', { kind: 'status', name: 'In Progress', category: 'indeterminate' }),
        fact('2026-12-01T17:00:00Z', { kind: 'status', name: 'Done', category: 'done' }),
        fact('2026-12-01T18:00:00Z', { kind: 'status', name: 'Reopened', category: 'new' }),
      ],
      { pauseStatuses: ['waiting for customer'] },
      policy,
    );
    expect(t.timeline).toEqual([
      { type: 'status', at: '2026-12-01T15:00:00Z', status: policy.sla.pauseStatuses[0] },
      { type: 'status', at: '2026-12-01T16:00:00Z', status: 'open' },
      { type: 'solved', at: '2026-12-01T17:00:00Z' },
      { type: 'reopened', at: '2026-12-01T18:00:00Z' },
      { type: 'status', at: '2026-12-01T18:00:00Z', status: 'open' },
    ]);
  });

  it("reads a person's last priority back through the priority map as the override; Jira's own changes are not one", () => {
    const map = jiraPriorityMap(policy, {});
    const [top, topName] = [...map][0]!;
    const t = toJiraTicket(
      stored(),
      [fact('2026-12-01T15:00:00Z', { kind: 'priority', name: topName.toUpperCase(), byPerson: true })],
      {},
      policy,
    );
    expect(t.priority).toBe(top);
    const automatic = toJiraTicket(
      stored(),
      [fact('2026-12-01T15:00:00Z', { kind: 'priority', name: topName, byPerson: false })],
      {},
      policy,
    );
    expect(automatic.priority).toBeUndefined();
  });
});
