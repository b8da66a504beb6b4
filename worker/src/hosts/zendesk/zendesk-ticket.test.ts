import { builtInPolicies } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import type { ZendeskFact } from './zendesk-facts.js';
import { toZendeskTicket } from './zendesk-ticket.js';

const policy = builtInPolicies.get('websaas')!;
const stored = (evaluationPriority: string | null = null): StoredTicket =>
  ({
    key: 'zendesk:acme:5158',
    installationKey: 'zendesk:acme',
    scope: 'account',
    ref: { subdomain: 'acme', ticketId: '5158' },
    createdAt: '2026-12-01T14:00:00Z',
    subject: 'No puedo facturar',
    body: 'error al emitir',
    requester: '42',
    host: 'zendesk',
    status: 'open',
    hostState: {},
    policyId: 'websaas',
    evaluation: evaluationPriority ? ({ priority: evaluationPriority } as never) : null,
    evaluatedAt: null,
    version: 1,
    appliedVersion: 0,
  }) as unknown as StoredTicket;
const fact = (at: string, data: ZendeskFact, key = at): TicketFact => ({ eventKey: key, at, data });

describe('toZendeskTicket', () => {
  it("turns comments into replies: a staff member's public comment answers, an internal note does not", () => {
    const t = toZendeskTicket(
      stored(),
      [
        fact('2026-12-01T15:00:00Z', { kind: 'comment', commentId: '1', public: false, byAgent: true }),
        fact('2026-12-01T16:00:00Z', { kind: 'comment', commentId: '2', public: true, byAgent: true }),
      ],
      {},
      policy,
    );
    expect(t.timeline).toEqual([
      { type: 'reply', at: '2026-12-01T15:00:00Z', public: false, byAgent: true },
      { type: 'reply', at: '2026-12-01T16:00:00Z', public: true, byAgent: true },
    ]);
    expect(t.channel).toBe('zendesk');
  });

  it('enters the policy status the installation maps pending and on-hold to, and reopens after solved', () => {
    const t = toZendeskTicket(
      stored(),
      [
        fact('2026-12-01T15:00:00Z', { kind: 'status', status: 'pending' }),
        fact('2026-12-01T16:00:00Z', { kind: 'status', status: 'hold' }),
        fact('2026-12-01T17:00:00Z', { kind: 'status', status: 'open' }),
        fact('2026-12-01T18:00:00Z', { kind: 'status', status: 'solved' }),
        fact('2026-12-01T18:30:00Z', { kind: 'status', status: 'closed' }),
        fact('2026-12-01T19:00:00Z', { kind: 'status', status: 'open' }),
      ],
      { statusMap: { hold: 'manufacturer' } },
      policy,
    );
    expect(t.timeline).toEqual([
      { type: 'status', at: '2026-12-01T15:00:00Z', status: 'pending' },
      { type: 'status', at: '2026-12-01T16:00:00Z', status: 'manufacturer' },
      { type: 'status', at: '2026-12-01T17:00:00Z', status: 'open' },
      { type: 'solved', at: '2026-12-01T18:00:00Z' },
      { type: 'reopened', at: '2026-12-01T19:00:00Z' },
      { type: 'status', at: '2026-12-01T19:00:00Z', status: 'open' },
    ]);
  });

  it('lets an installation keep on-hold running by mapping it to null', () => {
    const t = toZendeskTicket(
      stored(),
      [fact('2026-12-01T16:00:00Z', { kind: 'status', status: 'hold' })],
      { statusMap: { hold: null } },
      policy,
    );
    expect(t.timeline).toEqual([{ type: 'status', at: '2026-12-01T16:00:00Z', status: 'open' }]);
  });

  it("reads an agent's last priority as the override through the priority map, in the order the facts happened", () => {
    const t = toZendeskTicket(
      stored(),
      [
        fact('2026-12-01T16:00:00Z', { kind: 'priority', priority: 'normal', byAgent: true }),
        fact('2026-12-01T15:00:00Z', { kind: 'priority', priority: 'urgent', byAgent: true }),
      ],
      {},
      policy,
    );
    expect(t.priority).toBe('normal');
  });

  it('ignores priorities set by triggers or the requester, and clears the override when an agent unsets the priority', () => {
    expect(
      toZendeskTicket(stored(), [fact('2026-12-01T15:00:00Z', { kind: 'priority', priority: 'urgent', byAgent: false })], {}, policy)
        .priority,
    ).toBe(undefined);
    const cleared = toZendeskTicket(
      stored(),
      [
        fact('2026-12-01T15:00:00Z', { kind: 'priority', priority: 'urgent', byAgent: true }),
        fact('2026-12-01T16:00:00Z', { kind: 'priority', priority: null, byAgent: true }),
      ],
      {},
      policy,
    );
    expect(cleared.priority).toBe(undefined);
  });

  it('keeps the decided priority when the Zendesk priority an agent set shows it already', () => {
    const map = { priorityMap: { urgente: 'high', importante: 'high' } } as const;
    const t = toZendeskTicket(
      stored('importante'),
      [fact('2026-12-01T15:00:00Z', { kind: 'priority', priority: 'high', byAgent: true })],
      map,
      policy,
    );
    expect(t.priority).toBe('importante');
  });
});
