import { env } from 'cloudflare:workers';
import { onTestFinished } from 'vitest';

export const ticketKey = (issueId: number) => `github:issue:${issueId}`;

export async function ticketRow(key: string): Promise<Record<string, any> | null> {
  return env.DB.prepare('SELECT * FROM tickets WHERE key = ?1').bind(key).first();
}

export async function writeBacks(key: string): Promise<Record<string, any>[]> {
  const { results } = await env.DB.prepare('SELECT * FROM write_backs WHERE ticket_key = ?1 ORDER BY id').bind(key).all();
  return results.map((r) => ({ ...r, changes: JSON.parse(String(r.changes)) }));
}

/** Pause between two looks at storage; it sets how soon a wait notices, never whether it succeeds. */
const POLL_MS = 25;

/**
 * Looks at storage until `find` returns what the test waits for. It has no deadline of its own: on a busy
 * machine the wait is longer, never wrong; only the test's timeout bounds it, and the look stops when the test ends.
 */
export async function eventually<T>(find: () => Promise<T | null | undefined | false>): Promise<T> {
  let ended = false;
  onTestFinished(() => {
    ended = true;
  });
  while (!ended) {
    const found = await find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error('the test ended before what it waited for happened');
}

/** Waits until the queue consumer has written back the ticket's latest version. */
export async function settled(key: string): Promise<Record<string, any>> {
  return eventually(async () => {
    const row = await ticketRow(key);
    return row && row.applied_version >= row.version && row.lease_until === null ? row : false;
  });
}

/** Waits until the ticket has taken `version` deliveries and written back the latest (a later delivery's evaluation). */
export async function settledAt(key: string, version: number): Promise<Record<string, any>> {
  return eventually(async () => {
    const row = await settled(key);
    return row.version >= version && row;
  });
}

/** Row counts of every table: bad input must leave all of them unchanged. */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = ['installations', 'scope_configs', 'tickets', 'ticket_events', 'deliveries', 'write_backs', 'failed_jobs'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>())?.n ?? 0;
  return out;
}

export function admin(path: string, init: RequestInit = {}): Request {
  return new Request(`http://plazo.test${path}`, {
    ...init,
    headers: { authorization: 'Bearer test-admin-token', ...(init.headers ?? {}) },
  });
}
