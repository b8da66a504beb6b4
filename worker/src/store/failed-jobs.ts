import { readJson } from './json-column.js';

/** What a failed write-back job left: its named problem, and whether retrying can fix it. */
export type FailedJobRecord = { ticketKey: string; job: unknown; code: string; error: string; permanent: boolean; attempts: number };

/** One open failure per ticket: a later failure of the same ticket updates it. */
export function recordFailedJob(db: D1Database, f: FailedJobRecord, nowMs: number): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO failed_jobs (ticket_key, job, code, error, permanent, attempts, status, failed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'failed', ?7)
       ON CONFLICT (ticket_key) WHERE status = 'failed' DO UPDATE SET job = excluded.job, code = excluded.code, error = excluded.error,
         permanent = excluded.permanent, attempts = failed_jobs.attempts + excluded.attempts, failed_at = excluded.failed_at`,
    )
    .bind(f.ticketKey, JSON.stringify(f.job), f.code, f.error, f.permanent ? 1 : 0, f.attempts, nowMs);
}

export type FailedJob = {
  id: number;
  ticketKey: string;
  job: unknown;
  /** The failure's named problem; null for jobs recorded before failures were named. */
  code: string | null;
  error: string;
  /** Retrying cannot fix it: neither the queue nor the cron tries it again. */
  permanent: boolean;
  attempts: number;
  status: string;
  failedAt: string;
  retriedAt: string | null;
};

export async function listFailedJobs(db: D1Database, status: 'failed' | 'retried', limit: number): Promise<FailedJob[]> {
  const { results } = await db
    .prepare('SELECT * FROM failed_jobs WHERE status = ?1 ORDER BY id DESC LIMIT ?2')
    .bind(status, limit)
    .all<Record<string, unknown>>();
  return results.map((r) => ({
    id: r.id as number,
    ticketKey: r.ticket_key as string,
    job: readJson(r.job),
    code: (r.code as string | null) ?? null,
    error: r.error as string,
    permanent: r.permanent === 1,
    attempts: r.attempts as number,
    status: r.status as string,
    failedAt: new Date(r.failed_at as number).toISOString(),
    retriedAt: r.retried_at == null ? null : new Date(r.retried_at as number).toISOString(),
  }));
}

/** Marks a failure as retried; returns its ticket, or null when there is no such open failure. */
export async function markRetried(db: D1Database, id: number, nowMs: number): Promise<string | null> {
  const row = await db
    .prepare("UPDATE failed_jobs SET status = 'retried', retried_at = ?2 WHERE id = ?1 AND status = 'failed' RETURNING ticket_key")
    .bind(id, nowMs)
    .first<{ ticket_key: string }>();
  return row?.ticket_key ?? null;
}
