import { type Evaluation, overallSlaState } from '@plazo/core';
import type { HostName, StoredTicket, TicketFact, TicketUpsert } from '../hosts/host-adapter.js';
import { readJson } from './json-column.js';

/** If a write-back job is lost, the cron picks the ticket up again after this long. */
export const SAFETY_RECHECK_MS = 2 * 60 * 1000;

type TicketRow = {
  key: string;
  host: string;
  installation_key: string;
  scope: string;
  ref: string;
  created_at: string;
  subject: string;
  body: string;
  requester: string | null;
  organization: string | null;
  status: string;
  host_state: string;
  policy_id: string | null;
  evaluation: string | null;
  evaluated_at: number | null;
  version: number;
  applied_version: number;
};

function toTicket(row: TicketRow): StoredTicket {
  return {
    key: row.key,
    host: row.host as HostName,
    installationKey: row.installation_key,
    scope: row.scope,
    ref: readJson(row.ref),
    createdAt: row.created_at,
    subject: row.subject,
    body: row.body,
    requester: row.requester,
    organization: row.organization ?? null,
    status: row.status as StoredTicket['status'],
    hostState: readJson(row.host_state) ?? {},
    policyId: row.policy_id,
    evaluation: readJson(row.evaluation) as Evaluation | null,
    evaluatedAt: row.evaluated_at,
    version: row.version,
    appliedVersion: row.applied_version,
  };
}

/** Inserts or refreshes a ticket; a delivery older than what is stored leaves the text as it is. */
export function upsertTicket(db: D1Database, host: HostName, t: TicketUpsert, nowMs: number): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO tickets (key, host, installation_key, scope, ref, created_at, subject, body, requester, status, host_updated_at, host_state, updated_at, organization)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
       ON CONFLICT (key) DO UPDATE SET installation_key = excluded.installation_key, scope = excluded.scope, ref = excluded.ref,
         subject = excluded.subject, body = excluded.body, requester = excluded.requester, organization = excluded.organization,
         status = CASE WHEN tickets.status = 'retired' THEN 'retired' ELSE excluded.status END,
         host_updated_at = excluded.host_updated_at, host_state = json_patch(tickets.host_state, excluded.host_state),
         updated_at = excluded.updated_at
       WHERE julianday(excluded.host_updated_at) >= julianday(tickets.host_updated_at)`,
    )
    .bind(
      t.key,
      host,
      t.installationKey,
      t.scope,
      JSON.stringify(t.ref),
      t.createdAt,
      t.subject,
      t.body,
      t.requester,
      t.status,
      t.hostUpdatedAt,
      JSON.stringify(t.hostState ?? {}),
      nowMs,
      t.organization ?? null,
    );
}

/**
 * A delivery's facts in one statement, whatever their number: they travel as one JSON array read by json_each (D1 bounds
 * a statement's parameters, not a parameter's length), so storing them costs one statement, not one per fact.
 */
export function insertFacts(db: D1Database, ticketKey: string, facts: readonly TicketFact[]): D1PreparedStatement {
  const rows = facts.map((f) => ({ eventKey: f.eventKey, at: f.at, data: JSON.stringify(f.data) }));
  return db
    .prepare(
      `INSERT OR IGNORE INTO ticket_events (ticket_key, event_key, at, data)
       SELECT ?1, json_extract(value, '$.eventKey'), json_extract(value, '$.at'), json_extract(value, '$.data') FROM json_each(?2)`,
    )
    .bind(ticketKey, JSON.stringify(rows));
}

export function copyFacts(db: D1Database, fromKey: string, toKey: string): D1PreparedStatement {
  return db
    .prepare(
      'INSERT OR IGNORE INTO ticket_events (ticket_key, event_key, at, data) SELECT ?2, event_key, at, data FROM ticket_events WHERE ticket_key = ?1 ORDER BY rowid',
    )
    .bind(fromKey, toKey);
}

/** Marks that the write-back must run again; returns the version the job will carry. */
export function bumpVersion(db: D1Database, key: string, nowMs: number): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE tickets SET version = version + 1, next_check_at = MIN(COALESCE(next_check_at, ?2), ?2), updated_at = ?3
       WHERE key = ?1 AND status <> 'retired' RETURNING version`,
    )
    .bind(key, nowMs + SAFETY_RECHECK_MS, nowMs);
}

/** The cron's claim on a due ticket: a new version to write back, and a later look if the job is lost. */
export function claimDueTicket(db: D1Database, key: string, nowMs: number): D1PreparedStatement {
  return db
    .prepare("UPDATE tickets SET version = version + 1, next_check_at = ?2 WHERE key = ?1 AND status <> 'retired' RETURNING version")
    .bind(key, nowMs + SAFETY_RECHECK_MS);
}

export function retireTicket(db: D1Database, key: string, nowMs: number): D1PreparedStatement {
  return db.prepare("UPDATE tickets SET status = 'retired', next_check_at = NULL, updated_at = ?2 WHERE key = ?1").bind(key, nowMs);
}

/** Retires the tickets of every scope given, in one statement (an installation may lose thousands of scopes at once). */
export function retireScopes(db: D1Database, installationKey: string, scopes: readonly string[], nowMs: number): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE tickets SET status = 'retired', next_check_at = NULL, updated_at = ?3
       WHERE installation_key = ?1 AND scope IN (SELECT value FROM json_each(?2))`,
    )
    .bind(installationKey, JSON.stringify(scopes), nowMs);
}

/** A suspended or removed installation's tickets leave the cron until it comes back. */
export function pauseInstallationTickets(db: D1Database, installationKey: string): D1PreparedStatement {
  return db.prepare('UPDATE tickets SET next_check_at = NULL WHERE installation_key = ?1').bind(installationKey);
}

export async function getTicket(db: D1Database, key: string): Promise<StoredTicket | null> {
  const row = await db.prepare('SELECT * FROM tickets WHERE key = ?1').bind(key).first<TicketRow>();
  return row ? toTicket(row) : null;
}

/** In time order; facts of one instant in the order they arrived (a tag added then removed within a second stays removed). */
export async function getFacts(db: D1Database, key: string): Promise<TicketFact[]> {
  const { results } = await db
    .prepare('SELECT event_key, at, data FROM ticket_events WHERE ticket_key = ?1 ORDER BY at, rowid')
    .bind(key)
    .all<{ event_key: string; at: string; data: string }>();
  return results.map((r) => ({ eventKey: r.event_key, at: r.at, data: readJson(r.data) }));
}

/** One write-back per ticket at a time; the lease lapses by itself if a consumer dies. */
export async function acquireLease(db: D1Database, key: string, nowMs: number, forMs: number): Promise<boolean> {
  const r = await db
    .prepare('UPDATE tickets SET lease_until = ?2 WHERE key = ?1 AND (lease_until IS NULL OR lease_until < ?3)')
    .bind(key, nowMs + forMs, nowMs)
    .run();
  return r.meta.changes === 1;
}

export async function releaseLease(db: D1Database, key: string, nextCheckAt?: number | null): Promise<void> {
  if (nextCheckAt === undefined) await db.prepare('UPDATE tickets SET lease_until = NULL WHERE key = ?1').bind(key).run();
  else await db.prepare('UPDATE tickets SET lease_until = NULL, next_check_at = ?2 WHERE key = ?1').bind(key, nextCheckAt).run();
}

/** Ends a write-back that gave up on `version`: the cron looks again at `nextCheckAt` (null: never), unless a newer version keeps its own check. */
export function releaseFailedTicket(db: D1Database, key: string, version: number, nextCheckAt: number | null): D1PreparedStatement {
  return db
    .prepare('UPDATE tickets SET lease_until = NULL, next_check_at = CASE WHEN version > ?2 THEN next_check_at ELSE ?3 END WHERE key = ?1')
    .bind(key, version, nextCheckAt);
}

/** Records a finished write-back; a newer version waiting keeps the earlier of the two check times. */
export async function finishTicket(
  db: D1Database,
  key: string,
  f: { evaluation: Evaluation; policyId: string; evaluatedAt: number; appliedVersion: number; hostState: unknown; nowMs: number },
): Promise<void> {
  const next = f.evaluation.nextCheckAt ? Date.parse(f.evaluation.nextCheckAt) : null;
  await db
    .prepare(
      `UPDATE tickets SET evaluation = ?2, policy_id = ?3, sla_state = ?4, evaluated_at = ?5,
         next_check_at = CASE WHEN version > ?6 THEN MIN(COALESCE(next_check_at, ?7), COALESCE(?7, next_check_at)) ELSE ?7 END,
         applied_version = MAX(applied_version, ?6), host_state = ?8, lease_until = NULL, updated_at = ?9
       WHERE key = ?1`,
    )
    .bind(
      key,
      JSON.stringify(f.evaluation),
      f.policyId,
      overallSlaState(f.evaluation),
      f.evaluatedAt,
      f.appliedVersion,
      next,
      JSON.stringify(f.hostState),
      f.nowMs,
    )
    .run();
}

/** The cron's query: served by the partial index on next_check_at, so it reads only due tickets. */
export const DUE_TICKETS_SQL =
  'SELECT key FROM tickets WHERE next_check_at IS NOT NULL AND next_check_at <= ?1 ORDER BY next_check_at LIMIT ?2';

export async function dueTickets(db: D1Database, nowMs: number, limit: number): Promise<string[]> {
  const { results } = await db.prepare(DUE_TICKETS_SQL).bind(nowMs, limit).all<{ key: string }>();
  return results.map((r) => r.key);
}

export type TicketListing = {
  key: string;
  host: string;
  installationKey: string;
  ref: unknown;
  subject: string;
  status: string;
  policyId: string | null;
  slaState: string | null;
  evaluation: Evaluation | null;
  nextCheckAt: string | null;
  updatedAt: string;
  lastWriteBack: { id: number; mode: string; status: string; changes: unknown; error: string | null; createdAt: string } | null;
};

export async function listTickets(
  db: D1Database,
  filter: { host?: string | undefined; state?: string | undefined; limit: number; before?: number | undefined },
): Promise<TicketListing[]> {
  const { results } = await db
    .prepare(
      `SELECT t.key, t.host, t.installation_key, t.ref, t.subject, t.status, t.policy_id, t.sla_state, t.evaluation, t.next_check_at, t.updated_at,
              w.id AS w_id, w.mode AS w_mode, w.status AS w_status, w.changes AS w_changes, w.error AS w_error, w.created_at AS w_created_at
       FROM tickets t LEFT JOIN write_backs w ON w.id = (SELECT MAX(id) FROM write_backs WHERE ticket_key = t.key)
       WHERE (?1 IS NULL OR t.host = ?1) AND (?2 IS NULL OR t.sla_state = ?2) AND (?3 IS NULL OR t.updated_at < ?3)
       ORDER BY t.updated_at DESC LIMIT ?4`,
    )
    .bind(filter.host ?? null, filter.state ?? null, filter.before ?? null, filter.limit)
    .all<Record<string, unknown>>();
  const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);
  return results.map((r) => ({
    key: r.key as string,
    host: r.host as string,
    installationKey: r.installation_key as string,
    ref: readJson(r.ref),
    subject: r.subject as string,
    status: r.status as string,
    policyId: r.policy_id as string | null,
    slaState: r.sla_state as string | null,
    evaluation: readJson(r.evaluation) as Evaluation | null,
    nextCheckAt: iso(r.next_check_at),
    updatedAt: iso(r.updated_at)!,
    lastWriteBack:
      r.w_id == null
        ? null
        : {
            id: r.w_id as number,
            mode: r.w_mode as string,
            status: r.w_status as string,
            changes: readJson(r.w_changes),
            error: r.w_error as string | null,
            createdAt: iso(r.w_created_at)!,
          },
  }));
}
