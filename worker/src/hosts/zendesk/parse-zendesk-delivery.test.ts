import { describe, expect, it } from 'vitest';
import commentAdded from '../../../../test/fixtures/zendesk/ticket-comment-added.json';
import created from '../../../../test/fixtures/zendesk/ticket-created.json';
import merged from '../../../../test/fixtures/zendesk/ticket-merged.json';
import priorityChanged from '../../../../test/fixtures/zendesk/ticket-priority-changed.json';
import softDeleted from '../../../../test/fixtures/zendesk/ticket-soft-deleted.json';
import statusChanged from '../../../../test/fixtures/zendesk/ticket-status-changed.json';
import tagsChanged from '../../../../test/fixtures/zendesk/ticket-tags-changed.json';
import { parseZendeskDelivery } from './parse-zendesk-delivery.js';

const account = { subdomain: 'acme', accountId: '12514403' };
const copy = <T>(v: T): any => structuredClone(v);

describe('parseZendeskDelivery', () => {
  it('stores a created ticket with its subject, description, requester and what it shows, keyed by subdomain and id', () => {
    const result = parseZendeskDelivery(account, created);
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: '2b24ef10-19d4-4740-93cf-8f98ec4776c0',
        event: 'zen:event-type:ticket.created',
        effect: {
          kind: 'ticket',
          installation: { key: 'zendesk:acme', host: 'zendesk', externalId: '12514403', account: 'acme' },
          actor: '8447388090494',
          ticket: {
            key: 'zendesk:acme:5158',
            ref: { subdomain: 'acme', ticketId: '5158' },
            subject: 'No puedo facturar',
            requester: '8447388090495',
            status: 'open',
            createdAt: '2099-07-04T05:27:58Z',
            hostState: { priority: 'high', tags: ['enterprise'] },
          },
        },
      },
    });
  });

  it("reads a priority an agent chose when opening the ticket as the agent's override", () => {
    const result = parseZendeskDelivery(account, created);
    expect(result.ok && result.value.effect.kind === 'ticket' && result.value.effect.facts).toEqual([
      { eventKey: 'created-priority', at: '2099-07-04T05:27:58Z', data: { kind: 'priority', priority: 'high', byAgent: true } },
    ]);
  });

  it("does not read the requester's own priority on a new ticket as an override", () => {
    const p = copy(created);
    p.detail.actor_id = p.detail.requester_id;
    const result = parseZendeskDelivery(account, p);
    expect(result.ok && result.value.effect.kind === 'ticket' && result.value.effect.facts).toEqual([]);
  });

  it("records a staff member's public comment as an agent's reply, keyed by the comment", () => {
    const result = parseZendeskDelivery(account, commentAdded);
    expect(result.ok && result.value.effect.kind === 'ticket' && result.value.effect.facts).toEqual([
      {
        eventKey: 'comment:9876543210',
        at: '2099-07-04T05:33:18Z',
        data: { kind: 'comment', commentId: '9876543210', public: true, byAgent: true, byRequester: false },
      },
    ]);
  });

  it("does not count the requester's comment as an agent's, even when the requester is staff", () => {
    const p = copy(commentAdded);
    p.event.comment.author.id = p.detail.requester_id;
    const result = parseZendeskDelivery(account, p);
    expect(result.ok && result.value.effect.kind === 'ticket' && result.value.effect.facts[0]?.data).toMatchObject({
      byAgent: false,
      byRequester: true,
    });
  });

  it('reads statuses and priorities in capitals as Zendesk sends them', () => {
    const status = parseZendeskDelivery(account, statusChanged);
    expect(status.ok && status.value.effect.kind === 'ticket' && status.value.effect.facts[0]?.data).toEqual({
      kind: 'status',
      status: 'pending',
    });
    const priority = parseZendeskDelivery(account, priorityChanged);
    expect(priority.ok && priority.value.effect.kind === 'ticket' && priority.value.effect.facts[0]?.data).toEqual({
      kind: 'priority',
      priority: 'urgent',
      byAgent: true,
    });
  });

  it('does not take a priority set by Zendesk itself (a trigger, user -1) as an override', () => {
    const p = copy(priorityChanged);
    p.detail.actor_id = '-1';
    const result = parseZendeskDelivery(account, p);
    expect(result.ok && result.value.effect.kind === 'ticket' && result.value.effect.facts[0]?.data).toMatchObject({ byAgent: false });
  });

  it('records tags added and removed', () => {
    const result = parseZendeskDelivery(account, tagsChanged);
    expect(result.ok && result.value.effect.kind === 'ticket' && result.value.effect.facts[0]?.data).toEqual({
      kind: 'tags',
      added: ['vip'],
      removed: ['trial'],
    });
  });

  it('retires deleted, merged and spam tickets', () => {
    for (const payload of [merged, softDeleted, { ...copy(softDeleted), type: 'zen:event-type:ticket.marked_as_spam' }]) {
      expect(parseZendeskDelivery(account, payload)).toMatchObject({
        ok: true,
        value: { effect: { kind: 'retire-ticket', ticketKey: 'zendesk:acme:5158' } },
      });
    }
  });

  it('ignores events it does not handle, and events of other domains', () => {
    expect(parseZendeskDelivery(account, { ...copy(created), type: 'zen:event-type:ticket.brand_changed' })).toMatchObject({
      ok: true,
      value: { effect: { kind: 'ignore', reason: 'zen:event-type:ticket.brand_changed is not handled' } },
    });
    expect(parseZendeskDelivery(account, { ...copy(created), type: 'zen:event-type:user.active_changed' })).toMatchObject({
      ok: true,
      value: { effect: { kind: 'ignore' } },
    });
  });

  it("refuses a delivery for another account than the installation's", () => {
    expect(parseZendeskDelivery({ subdomain: 'other', accountId: '999' }, created)).toMatchObject({
      ok: false,
      issue: { code: 'invalid-payload', detail: 'account_id 12514403 is not the account this installation was set up for' },
    });
  });

  it('names what is wrong with a malformed payload', () => {
    const p = copy(created);
    p.detail.status = 'ARCHIVED';
    p.detail.created_at = 'yesterday';
    const result = parseZendeskDelivery(account, p);
    expect(result).toMatchObject({ ok: false, issue: { code: 'invalid-payload' } });
    expect(!result.ok && result.issue.detail).toMatch(/status/);
    expect(!result.ok && result.issue.detail).toMatch(/created_at/);
    expect(parseZendeskDelivery(account, [])).toMatchObject({ ok: false, issue: { code: 'invalid-payload' } });
    expect(parseZendeskDelivery(account, { ...copy(created), subject: 'zen:ticket:1' })).toMatchObject({
      ok: false,
      issue: { detail: 'subject "zen:ticket:1" does not name ticket 5158' },
    });
  });

  it('accepts numeric ids as well as strings', () => {
    const p = copy(created);
    p.detail.id = 5158;
    p.detail.requester_id = 8447388090495;
    const result = parseZendeskDelivery(account, p);
    expect(result).toMatchObject({ ok: true, value: { effect: { ticket: { key: 'zendesk:acme:5158', requester: '8447388090495' } } } });
  });
});
