import type { Evaluation } from '@plazo/core';
import type { StoredTicket } from '../hosts/host-adapter.js';
import { readJson } from './json-column.js';

/**
 * Keeps the history flags (`history:<flag>` reasons whose flag the evaluation set) against the ticket's requester, in one
 * statement; a flag seen again refreshes its reason, and one that later clears stays recorded.
 */
export async function recordRequesterFlags(db: D1Database, ticket: StoredTicket, evaluation: Evaluation, nowMs: number): Promise<void> {
  if (ticket.requester === null) return;
  const rows = evaluation.reasons
    .filter((r) => r.kind === 'history' && evaluation.flags.includes(r.rule.slice('history:'.length)))
    .map((r) => ({ flag: r.rule.slice('history:'.length), reason: JSON.stringify(r) }));
  if (rows.length === 0) return;
  await db
    .prepare(
      `INSERT INTO requester_flags (installation_key, requester, ticket_key, flag, organization, reason, first_seen_at, last_seen_at)
       SELECT ?1, ?2, ?3, json_extract(value, '$.flag'), ?4, json_extract(value, '$.reason'), ?5, ?5 FROM json_each(?6) WHERE true
       ON CONFLICT (installation_key, requester, ticket_key, flag)
         DO UPDATE SET organization = excluded.organization, reason = excluded.reason, last_seen_at = excluded.last_seen_at`,
    )
    .bind(ticket.installationKey, ticket.requester, ticket.key, ticket.organization ?? null, nowMs, JSON.stringify(rows))
    .run();
}

export type RequesterFlag = { ticket: string; flag: string; reason: unknown; firstSeenAt: string; lastSeenAt: string };
export type RequesterRecord = { organization: string | null; totals: { flag: string; tickets: number }[]; flags: RequesterFlag[] };

const iso = (ms: number) => new Date(ms).toISOString();

/** Every history flag one requester's tickets received, newest first, with a count of tickets per flag. */
export async function readRequesterRecord(db: D1Database, installationKey: string, requester: string): Promise<RequesterRecord> {
  const { results } = await db
    .prepare(
      `SELECT ticket_key, flag, organization, reason, first_seen_at, last_seen_at FROM requester_flags
       WHERE installation_key = ?1 AND requester = ?2 ORDER BY last_seen_at DESC, ticket_key, flag`,
    )
    .bind(installationKey, requester)
    .all<{ ticket_key: string; flag: string; organization: string | null; reason: string; first_seen_at: number; last_seen_at: number }>();
  const totals = new Map<string, number>();
  for (const r of results) totals.set(r.flag, (totals.get(r.flag) ?? 0) + 1);
  return {
    organization: results[0]?.organization ?? null,
    totals: [...totals].map(([flag, tickets]) => ({ flag, tickets })).sort((a, b) => a.flag.localeCompare(b.flag)),
    flags: results.map((r) => ({
      ticket: r.ticket_key,
      flag: r.flag,
      reason: readJson(r.reason),
      firstSeenAt: iso(r.first_seen_at),
      lastSeenAt: iso(r.last_seen_at),
    })),
  };
}

export type RequesterSummary = { requester: string; organization: string | null; tickets: number; flags: number; lastSeenAt: string };

/** The installation's requesters with history flags, those with the most flagged tickets first. */
export async function listFlaggedRequesters(db: D1Database, installationKey: string, limit: number): Promise<RequesterSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT requester, MAX(organization) AS organization, COUNT(DISTINCT ticket_key) AS tickets, COUNT(*) AS flags,
              MAX(last_seen_at) AS last_seen_at
       FROM requester_flags WHERE installation_key = ?1 GROUP BY requester ORDER BY tickets DESC, last_seen_at DESC LIMIT ?2`,
    )
    .bind(installationKey, limit)
    .all<{ requester: string; organization: string | null; tickets: number; flags: number; last_seen_at: number }>();
  return results.map((r) => ({
    requester: r.requester,
    organization: r.organization,
    tickets: r.tickets,
    flags: r.flags,
    lastSeenAt: iso(r.last_seen_at),
  }));
}
