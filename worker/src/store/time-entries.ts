import type { TimeSpent } from '../hosts/host-adapter.js';

/**
 * A delivery's time entries in one statement (as facts travel: one JSON array read by json_each); a replayed entry adds nothing.
 * An entry that `revises` a host record stores its new total less what the record's earlier entries add up to.
 */
export function insertTimeEntries(
  db: D1Database,
  ticketKey: string,
  installationKey: string,
  entries: readonly TimeSpent[],
): D1PreparedStatement {
  // n: the delivery's entries; o: the stored entries of the record an entry revises.
  const earlier = "FROM time_entries o WHERE o.ticket_key = ?1 AND substr(o.entry_key, 1, length(n.r) + 1) = n.r || '@'";
  const fields = Object.entries({ k: 'entryKey', at: 'at', s: 'seconds', source: 'source', author: 'author', r: 'revises' })
    .map(([as, name]) => `json_extract(value, '$.${name}') AS ${as}`)
    .join(', ');
  return db
    .prepare(
      `INSERT OR IGNORE INTO time_entries (ticket_key, entry_key, installation_key, at, seconds, source, author)
SELECT ?1, n.k, ?2, n.at, n.s - IIF(n.r IS NULL, 0, COALESCE((SELECT SUM(o.seconds) ${earlier}), 0)), n.source, n.author
FROM (SELECT ${fields} FROM json_each(?3)) n
WHERE n.r IS NULL OR NOT EXISTS (SELECT 1 ${earlier} AND o.entry_key >= n.k)`,
    )
    .bind(ticketKey, installationKey, JSON.stringify(entries));
}

/** Whose a ticket is: its organisation when the host names one, else its requester (a host without organisations: always). */
export type CustomerKind = 'organization' | 'requester';

export type TimeEntryRow = {
  ticketKey: string;
  customer: string | null;
  customerKind: CustomerKind;
  policyId: string | null;
  at: string;
  seconds: number;
};

/** An installation's entries recorded within [fromMs, toMs), with their ticket's customer (organisation, else requester) and policy. */
export async function listTimeEntries(db: D1Database, installationKey: string, fromMs: number, toMs: number): Promise<TimeEntryRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.ticket_key AS ticketKey, COALESCE(t.organization, t.requester) AS customer,
              CASE WHEN t.organization IS NULL THEN 'requester' ELSE 'organization' END AS customerKind,
              t.policy_id AS policyId, e.at, e.seconds
       FROM time_entries e LEFT JOIN tickets t ON t.key = e.ticket_key
       WHERE e.installation_key = ?1 AND julianday(e.at) >= julianday(?2) AND julianday(e.at) < julianday(?3)
       ORDER BY e.at, e.ticket_key, e.entry_key`,
    )
    .bind(installationKey, new Date(fromMs).toISOString(), new Date(toMs).toISOString())
    .all<TimeEntryRow>();
  return results;
}
