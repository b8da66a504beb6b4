import { env } from 'cloudflare:workers';
import { vi } from 'vitest';

export const ticketKey = (issueId: number) => `github:issue:${issueId}`;

export async function ticketRow(key: string): Promise<Record<string, any> | null> {
  return env.DB.prepare('SELECT * FROM tickets WHERE key = ?1').bind(key).first();
}

export async function writeBacks(key: string): Promise<Record<string, any>[]> {
  const { results } = await env.DB.prepare('SELECT * FROM write_backs WHERE ticket_key = ?1 ORDER BY id').bind(key).all();
  return results.map((r) => ({ ...r, changes: JSON.parse(String(r.changes)) }));
}

/** Waits until the queue consumer has written back the ticket's latest version. */
export async function settled(key: string, timeout = 15_000): Promise<Record<string, any>> {
  return vi.waitUntil(
    async () => {
      const row = await ticketRow(key);
      return row && row.applied_version >= row.version && row.lease_until === null ? row : false;
    },
    { timeout, interval: 50 },
  );
}

/** Row counts of every table: bad input must leave all of them unchanged. */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = ['installations', 'scope_configs', 'tickets', 'ticket_events', 'deliveries', 'write_backs', 'failed_jobs'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = ((await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>())?.n ?? 0);
  return out;
}

export function admin(path: string, init: RequestInit = {}): Request {
  return new Request(`http://plazo.test${path}`, { ...init, headers: { authorization: 'Bearer test-admin-token', ...(init.headers ?? {}) } });
}
