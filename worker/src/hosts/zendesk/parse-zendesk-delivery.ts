import { fail, ok, type Result, toProblems } from '@plazo/core';
import type * as z from 'zod';
import type { DeliveryEffect, InstallationUpsert, TicketFact, TicketUpsert, TimeSpent } from '../host-adapter.js';
import { commandsOf } from '../plazo-commands.js';
import type { ZendeskFact, ZendeskRef } from './zendesk-facts.js';
import { isMarkTag } from './zendesk-marks.js';
import {
  commentAddedEventSchema,
  customFieldChangedEventSchema,
  type HandledTicketEvent,
  handledTicketEvents,
  priorityChangedEventSchema,
  statusChangedEventSchema,
  tagsChangedEventSchema,
  ticketSubjectSchema,
  type ZendeskEnvelope,
  type ZendeskTicketDetail,
  zendeskEnvelopeSchema,
  zendeskTicketDetailSchema,
} from './zendesk-payloads.js';

export const zendeskInstallationKey = (subdomain: string) => `zendesk:${subdomain}`;
export const zendeskTicketKey = (subdomain: string, ticketId: string) => `zendesk:${subdomain}:${ticketId}`;

/** Where a delivery comes from, found before parsing by the signature's secret (the account's installation). */
export type ZendeskAccount = { subdomain: string; accountId: string | null };

/** What a verified delivery is about, read from its envelope: Zendesk puts the event id and type in the body. */
export type ZendeskDelivery = { id: string; event: string; effect: DeliveryEffect };

const ticketEventPrefix = 'zen:event-type:ticket.';
const retiring: ReadonlySet<HandledTicketEvent> = new Set(['soft_deleted', 'permanently_deleted', 'marked_as_spam', 'merged']);

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function invalid(what: string, error: z.ZodError) {
  return fail('invalid-payload', `the ${what} does not match its schema: ${describe(error)}`, toProblems(error));
}

/** Zendesk itself (triggers, automations) acts as user -1; no actor means no person either. */
const isPerson = (id: string | null | undefined) => !!id && id !== '-1';
const byAgent = (detail: ZendeskTicketDetail) => isPerson(detail.actor_id) && detail.actor_id !== detail.requester_id;

function ticketOf(detail: ZendeskTicketDetail, account: ZendeskAccount, installationKey: string): TicketUpsert {
  const ref: ZendeskRef = { subdomain: account.subdomain, ticketId: detail.id };
  return {
    key: zendeskTicketKey(account.subdomain, detail.id),
    installationKey,
    scope: 'account',
    ref,
    createdAt: detail.created_at,
    subject: detail.subject ?? '',
    body: detail.description ?? '',
    requester: detail.requester_id ?? null,
    // Zendesk writes "0" for a user in no organisation.
    organization: detail.organization_id && detail.organization_id !== '0' ? detail.organization_id : null,
    status: detail.status === 'solved' || detail.status === 'closed' || detail.status === 'deleted' ? 'closed' : 'open',
    hostUpdatedAt: detail.updated_at,
    hostState: { priority: detail.priority ?? null, tags: detail.tags ?? [] },
  };
}

/**
 * Turns a verified Zendesk event webhook into what Plazo stores; it decides nothing about priorities or deadlines.
 * A delivery for another account than the one whose secret signed it is refused: one installation never writes another's tickets.
 */
export function parseZendeskDelivery(account: ZendeskAccount, payload: unknown): Result<ZendeskDelivery, 'invalid-payload'> {
  const envelope = zendeskEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return invalid('event envelope', envelope.error);
  const e = envelope.data;
  if (account.accountId !== null && e.account_id !== account.accountId)
    return fail('invalid-payload', `account_id ${e.account_id} is not the account this installation was set up for`);
  const name = e.type.startsWith(ticketEventPrefix) ? e.type.slice(ticketEventPrefix.length) : null;
  const ignore = (reason: string) => ok({ id: e.id, event: e.type, effect: { kind: 'ignore', reason } as DeliveryEffect });
  if (name === null) return ignore(`${e.type} is not a ticket event`);
  if (!(handledTicketEvents as readonly string[]).includes(name)) return ignore(`${e.type} is not handled`);
  const event = name as HandledTicketEvent;

  const subject = ticketSubjectSchema.safeParse(e.subject);
  if (!subject.success) return invalid('subject', subject.error);
  const detail = zendeskTicketDetailSchema.safeParse(e.detail);
  if (!detail.success) return invalid(`${e.type} detail`, detail.error);
  const d = detail.data;
  if (subject.data !== `zen:ticket:${d.id}`) return fail('invalid-payload', `subject "${e.subject}" does not name ticket ${d.id}`);

  const installation: InstallationUpsert = {
    key: zendeskInstallationKey(account.subdomain),
    host: 'zendesk' as InstallationUpsert['host'],
    externalId: e.account_id,
    account: account.subdomain,
  };
  const actor = d.actor_id ?? null;
  if (retiring.has(event)) {
    const ticketKey = zendeskTicketKey(account.subdomain, d.id);
    return ok({ id: e.id, event: e.type, effect: { kind: 'retire-ticket', installation, actor, ticketKey } });
  }
  const facts = factsOf(event, e, d);
  if (!facts.ok) return facts;
  const ticket = ticketOf(d, account, installation.key);
  const time = event === 'custom_field_changed' ? timeOf(e, d) : [];
  return ok({ id: e.id, event: e.type, effect: { kind: 'ticket', installation, actor, ticket, facts: facts.value, time } });
}

/**
 * A number field's change as time spent: the Time Tracking app adds each update's seconds to its total field, so the change
 * is the time of that update. Every number field is reported; the installation's `timeTracking` setting says which one counts.
 */
function timeOf(e: ZendeskEnvelope, d: ZendeskTicketDetail): TimeSpent[] {
  const p = customFieldChangedEventSchema.safeParse(e.event);
  if (!p.success || typeof p.data.current !== 'number') return [];
  const seconds = Math.round(p.data.current - (p.data.previous ?? 0));
  if (seconds === 0) return [];
  const author = isPerson(d.actor_id) ? d.actor_id! : null;
  return [{ entryKey: `field:${e.id}`, at: e.time, seconds, source: `zendesk-field:${p.data.custom_field.id}`, author }];
}

function factsOf(event: HandledTicketEvent, e: ZendeskEnvelope, d: ZendeskTicketDetail): Result<TicketFact[], 'invalid-payload'> {
  const fact = (kind: string, data: ZendeskFact): TicketFact => ({ eventKey: `${kind}:${e.id}`, at: e.time, data });
  switch (event) {
    case 'created': {
      const facts: TicketFact[] = [];
      // A ticket opened pending or on hold (by an agent, on the customer's behalf) starts paused.
      if (d.status !== 'new' && d.status !== 'open' && d.status !== 'deleted')
        facts.push({ eventKey: 'created-status', at: d.created_at, data: { kind: 'status', status: d.status } });
      if (d.priority && byAgent(d))
        facts.push({ eventKey: 'created-priority', at: d.created_at, data: { kind: 'priority', priority: d.priority, byAgent: true } });
      // Marks a macro or an agent set on a new ticket (status_manufacturer, tier_nivel_2) hold from its creation.
      const marks = (d.tags ?? []).filter(isMarkTag);
      if (marks.length > 0) facts.push({ eventKey: 'created-tags', at: d.created_at, data: { kind: 'tags', added: marks, removed: [] } });
      return ok(facts);
    }
    case 'comment_added': {
      const p = commentAddedEventSchema.safeParse(e.event);
      if (!p.success) return invalid('comment_added event', p.error);
      const c = p.data.comment;
      const agent = c.author.is_staff && c.author.id !== d.requester_id;
      // Keyed by the comment's id: the same comment reported by two events is one fact.
      return ok([
        {
          eventKey: `comment:${c.id}`,
          at: e.time,
          data: {
            kind: 'comment',
            commentId: c.id,
            public: c.is_public,
            byAgent: agent,
            byRequester: c.author.id === d.requester_id,
            ...commandsOf(c.body),
          },
        },
      ]);
    }
    case 'status_changed': {
      const p = statusChangedEventSchema.safeParse(e.event);
      if (!p.success) return invalid('status_changed event', p.error);
      const status = p.data.current;
      if (status === 'deleted') return ok([]);
      return ok([fact('status', { kind: 'status', status })]);
    }
    case 'priority_changed': {
      const p = priorityChangedEventSchema.safeParse(e.event);
      if (!p.success) return invalid('priority_changed event', p.error);
      return ok([fact('priority', { kind: 'priority', priority: p.data.current, byAgent: byAgent(d) })]);
    }
    case 'tags_changed': {
      const p = tagsChangedEventSchema.safeParse(e.event);
      if (!p.success) return invalid('tags_changed event', p.error);
      return ok([fact('tags', { kind: 'tags', added: p.data.tags_added ?? [], removed: p.data.tags_removed ?? [] })]);
    }
    default:
      return ok([]);
  }
}
