import { builtInPolicies } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import type { StoredTicket, TicketFact } from '../host-adapter.js';
import { readPlazoCommands } from '../plazo-commands.js';
import type { ZendeskFact } from './zendesk-facts.js';
import { isMarkTag, zendeskMarks, zendeskMarkTag } from './zendesk-marks.js';
import { toZendeskTicket } from './zendesk-ticket.js';

const policy = (id: string) => builtInPolicies.get(id)!;
const stored = {
  key: 'zendesk:acme:1',
  ref: { subdomain: 'acme', ticketId: '1' },
  createdAt: '2026-12-01T14:00:00Z',
} as unknown as StoredTicket;
const fact = (at: string, data: ZendeskFact): TicketFact => ({ eventKey: at, at, data });
const tags = (at: string, added: string[], removed: string[] = []) => fact(at, { kind: 'tags', added, removed });
const status = (at: string, s: 'open' | 'pending' | 'hold' | 'solved') => fact(at, { kind: 'status', status: s });

describe('zendeskMarks', () => {
  it('names each pause status, milestone and tier by a tag outside the plazo_ tags Plazo manages', () => {
    expect(zendeskMarkTag({ kind: 'status', id: 'on-site-visit' })).toBe('status_on_site_visit');
    expect(zendeskMarks(policy('websaas'))('status_manufacturer')).toEqual({ kind: 'status', id: 'manufacturer' });
    expect(zendeskMarks(policy('peewah'))('milestone_plan_delivered')).toEqual({ kind: 'milestone', id: 'plan-delivered' });
    expect(zendeskMarks(policy('skedu'))('tier_nivel_3')).toEqual({ kind: 'tier', id: 'nivel-3' });
    expect(zendeskMarks(policy('skedu'))('plazo_priority_x')).toBeUndefined();
  });
});

describe('toZendeskTicket with marks and commands', () => {
  it('pauses while a status tag is set, and falls back to what Zendesk says when it is removed', () => {
    const t = toZendeskTicket(
      stored,
      [
        status('2026-12-01T15:00:00Z', 'pending'),
        tags('2026-12-01T15:10:00Z', ['status_manufacturer']),
        tags('2026-12-01T15:20:00Z', [], ['status_manufacturer']),
        status('2026-12-01T15:30:00Z', 'open'),
      ],
      {},
      policy('websaas'),
    );
    expect((t.timeline ?? []).map((e) => (e.type === 'status' ? e.status : e.type))).toEqual([
      'pending',
      'manufacturer',
      'pending',
      'open',
    ]);
  });

  it('keeps a status tag above a later Zendesk status until the tag goes', () => {
    const t = toZendeskTicket(
      stored,
      [tags('2026-12-01T15:10:00Z', ['status_manufacturer']), status('2026-12-01T15:30:00Z', 'open')],
      {},
      policy('websaas'),
    );
    expect((t.timeline ?? []).map((e) => (e.type === 'status' ? e.status : e.type))).toEqual(['manufacturer', 'manufacturer']);
  });

  it("reads milestone and tier tags, and an agent's note commands but not the requester's", () => {
    const note = (at: string, body: string, byAgent: boolean) =>
      fact(at, { kind: 'comment', commentId: at, public: false, byAgent, commands: readPlazoCommands(body) });
    const t = toZendeskTicket(
      stored,
      [
        tags('2026-12-01T15:00:00Z', ['tier_nivel_3', 'vip']),
        note('2026-12-01T15:05:00Z', '/plazo estimate 2 days', false),
        note('2026-12-01T15:10:00Z', '/plazo estimate 4 horas', true),
      ],
      {},
      policy('skedu'),
    );
    expect((t.timeline ?? []).filter((e) => e.type !== 'reply')).toEqual([
      { type: 'tier', at: '2026-12-01T15:00:00Z', tier: 'nivel-3', set: true },
      { type: 'estimate', at: '2026-12-01T15:10:00Z', amount: 4, unit: 'hours' },
    ]);
  });
});

describe('isMarkTag', () => {
  it('knows the shape of a mark tag, whatever the policy', () => {
    expect(['status_manufacturer', 'tier_nivel_3', 'milestone_plan_delivered'].every(isMarkTag)).toBe(true);
    expect(['enterprise', 'plazo_priority_alta', 'vip_status'].some(isMarkTag)).toBe(false);
  });
});
