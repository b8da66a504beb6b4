import { readJson } from './json-column.js';

export type WriteBackStatus = 'planned' | 'applied' | 'dry-run' | 'no-change' | 'retrying' | 'failed';

export async function insertWriteBack(
  db: D1Database,
  w: { ticketKey: string; version: number; mode: 'live' | 'dry-run'; status: WriteBackStatus; changes: unknown[] },
  nowMs: number,
): Promise<number> {
  const row = await db
    .prepare(
      "INSERT INTO write_backs (ticket_key, version, mode, status, changes, created_at, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?4 = 'planned' THEN NULL ELSE ?6 END) RETURNING id",
    )
    .bind(w.ticketKey, w.version, w.mode, w.status, JSON.stringify(w.changes), nowMs)
    .first<{ id: number }>();
  return row!.id;
}

export async function finishWriteBack(
  db: D1Database,
  id: number,
  status: WriteBackStatus,
  error: string | null,
  nowMs: number,
): Promise<void> {
  await db.prepare('UPDATE write_backs SET status = ?2, error = ?3, finished_at = ?4 WHERE id = ?1').bind(id, status, error, nowMs).run();
}

export async function listWriteBacks(db: D1Database, ticketKey: string, limit = 20): Promise<Record<string, unknown>[]> {
  const { results } = await db
    .prepare('SELECT * FROM write_backs WHERE ticket_key = ?1 ORDER BY id DESC LIMIT ?2')
    .bind(ticketKey, limit)
    .all<Record<string, unknown>>();
  return results.map((r) => ({ ...r, changes: readJson(r.changes) }));
}
