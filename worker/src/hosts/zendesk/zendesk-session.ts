import type { HostSession, ScopeConfigRead, StoredTicket } from '../host-adapter.js';
import { applyTagDelta, type ZendeskChange } from './plan-zendesk-changes.js';
import { ZendeskApiError, type ZendeskClient, type ZendeskRestTicket, type ZendeskTicketUpdate } from './zendesk-client.js';
import { readZendeskState, type ZendeskState, zendeskRefSchema } from './zendesk-facts.js';

/** Tries of one safe update when the ticket keeps changing between read and write. */
export const MAX_CONFLICT_TRIES = 3;

/** What the ticket shows, as read: custom field values as text (Plazo writes only text fields). */
export function stateOf(ticket: ZendeskRestTicket, known: ZendeskState): ZendeskState {
  const fields: Record<string, string | null> = {};
  for (const f of ticket.custom_fields) fields[String(f.id)] = typeof f.value === 'string' ? f.value : null;
  return {
    priority: ticket.priority,
    tags: ticket.tags,
    fields,
    notedPriority: known.notedPriority,
    notedAgent: known.notedAgent,
    updatedStamp: ticket.updated_at,
  };
}

/**
 * The update for `changes` over the ticket as read now. After a conflict, a priority or field someone changed since Plazo
 * planned is theirs to keep (their change arrives as a delivery and is evaluated then); tags are a delta over today's tags.
 */
export function updateFor(changes: readonly ZendeskChange[], planned: ZendeskState, now: ZendeskState): ZendeskTicketUpdate {
  const update: ZendeskTicketUpdate = {};
  const fields: { id: number; value: string | null }[] = [];
  for (const c of changes) {
    if (c.kind === 'set-priority' && now.priority === planned.priority) update.priority = c.priority;
    if (c.kind === 'set-field') {
      const key = String(c.fieldId);
      if ((now.fields[key] ?? null) === (planned.fields[key] ?? null)) fields.push({ id: c.fieldId, value: c.value });
    }
    if (c.kind === 'add-note') update.comment = { body: c.body, public: false };
  }
  if (fields.length > 0) update.custom_fields = fields;
  const tags = applyTagDelta(now.tags, changes);
  if (tags.length !== now.tags.length || tags.some((t, i) => t !== now.tags[i])) update.tags = tags;
  return update;
}

/** One safe update built over the ticket as read now, read again and rebuilt after a conflict (a few tries). */
async function updateSafely(
  client: ZendeskClient,
  id: string,
  state: ZendeskState,
  build: (now: ZendeskState) => ZendeskTicketUpdate,
): Promise<ZendeskState> {
  let now = state;
  for (let attempt = 1; ; attempt += 1) {
    const update = build(now);
    try {
      const written = Object.keys(update).length === 0 ? null : await client.updateTicket(id, update, now.updatedStamp ?? '');
      return written ? stateOf(written, now) : now;
    } catch (error) {
      if (!(error instanceof ZendeskApiError && error.status === 409) || attempt >= MAX_CONFLICT_TRIES) throw error;
      now = stateOf(await client.getTicket(id), state);
    }
  }
}

export function zendeskSession(client: ZendeskClient): HostSession<ZendeskState, ZendeskChange> {
  let self: Promise<string | null> | undefined;
  const idOf = (ticket: StoredTicket) => zendeskRefSchema.parse(ticket.ref).ticketId;
  return {
    selfActor: () => (self ??= client.me()),

    // Zendesk has no per-scope file: the installation's settings are all there is.
    readScopeConfig: async (): Promise<ScopeConfigRead> => ({ revision: null, raw: null, problems: [] }),

    async readState(ticket): Promise<ZendeskState> {
      return stateOf(await client.getTicket(idOf(ticket)), readZendeskState(ticket.hostState));
    },

    async apply(ticket, state, changes): Promise<ZendeskState> {
      const id = idOf(ticket);
      const noted = changes.findLast((c) => c.kind === 'add-note');
      const after = await updateSafely(client, id, state, (now) => updateFor(changes, state, now));
      const shown = noted
        ? { ...after, notedPriority: noted.priority ?? after.notedPriority, notedAgent: noted.agent ?? after.notedAgent }
        : after;
      // Zendesk takes one comment per update, so the public reply is its own update, after the note.
      const reply = changes.find((c) => c.kind === 'public-reply');
      return reply ? updateSafely(client, id, shown, () => ({ comment: { body: reply.body, public: true } })) : shown;
    },
  };
}
