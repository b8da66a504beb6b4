import { calendarMonth, type EvaluateOptions, type HistoryTicket, type Policy } from '@plazo/core';
import type { AnyHostAdapter, StoredTicket } from '../hosts/host-adapter.js';
import type { SharedHostSettings } from '../hosts/shared-host-settings.js';
import { readJson } from '../store/json-column.js';

/** At most this many of a customer's other open tickets are compared with a new one (the most recent). */
export const HISTORY_OPEN_TICKETS = 50;

type HistoryRow = { key: string; ref: string; subject: string; created_at: string; category: string | null };

/**
 * The customer's history and monthly limit for core's history rules, read from D1: their other open tickets created before
 * this one, and this ticket's position among theirs created in its calendar month (the policy's zone). The customer is the
 * organisation when the host gives one, else the requester; a ticket without a requester has no history.
 */
export async function historyOptions(
  db: D1Database,
  adapter: AnyHostAdapter,
  ticket: StoredTicket,
  policy: Policy,
  settings: SharedHostSettings,
): Promise<Pick<EvaluateOptions, 'history' | 'monthlyTicketQuota'>> {
  const organization = ticket.organization ?? null;
  const identity = organization !== null ? 'organization' : 'requester';
  const id = organization ?? ticket.requester;
  if (id === null) return {};
  // The column is one of two fixed names, never text from a host.
  const column = identity === 'organization' ? 'organization' : 'requester';
  const month = calendarMonth(policy, Date.parse(ticket.createdAt));
  const [open, count] = await db.batch([
    db
      .prepare(
        `SELECT key, ref, subject, created_at, json_extract(evaluation, '$.category') AS category FROM tickets
         WHERE installation_key = ?1 AND ${column} = ?2 AND status = 'open' AND key <> ?3 AND julianday(created_at) < julianday(?4)
         ORDER BY julianday(created_at) DESC LIMIT ?5`,
      )
      .bind(ticket.installationKey, id, ticket.key, ticket.createdAt, HISTORY_OPEN_TICKETS),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM tickets
         WHERE installation_key = ?1 AND ${column} = ?2 AND status <> 'retired' AND julianday(created_at) >= julianday(?3)
           AND (julianday(created_at) < julianday(?4) OR (julianday(created_at) = julianday(?4) AND key <= ?5))`,
      )
      .bind(ticket.installationKey, id, new Date(month.startMs).toISOString(), ticket.createdAt, ticket.key),
  ]);
  const openTickets: HistoryTicket[] = ((open?.results ?? []) as HistoryRow[]).map((r) => ({
    id: r.key,
    label: adapter.ticketLabel?.({ key: r.key, ref: readJson(r.ref) }) ?? r.key,
    subject: r.subject,
    category: r.category,
    createdAt: r.created_at,
  }));
  const monthCount = Number((count?.results?.[0] as { n?: number } | undefined)?.n ?? 0);
  const identityNote = identity === 'requester' ? (adapter.noOrganizations ?? 'the requester is in no organisation') : undefined;
  const limit =
    (organization !== null ? settings.organizationQuotas?.find((q) => q.organization === organization)?.monthlyTicketQuota : undefined) ??
    settings.monthlyTicketQuota;
  return {
    history: { identity, ...(identityNote ? { identityNote } : {}), openTickets, monthCount },
    ...(limit !== undefined ? { monthlyTicketQuota: limit } : {}),
  };
}
