export type SayMode = 'live' | 'dry-run';

/** The customer message codes already said on a ticket: a dry run counts its own rows too, a live write-back only live ones. */
export async function saidCodes(db: D1Database, ticketKey: string, mode: SayMode): Promise<Set<string>> {
  const { results } = await db
    .prepare("SELECT DISTINCT code FROM ticket_messages WHERE ticket_key = ?1 AND (?2 = 'dry-run' OR mode = 'live')")
    .bind(ticketKey, mode)
    .all<{ code: string }>();
  return new Set(results.map((r) => r.code));
}

/** Records that the customer was told these messages (or would have been, in a dry run); a repeat changes nothing. */
export async function recordSaid(db: D1Database, ticketKey: string, codes: readonly string[], mode: SayMode, nowMs: number): Promise<void> {
  if (codes.length === 0) return;
  const insert = db.prepare('INSERT OR IGNORE INTO ticket_messages (ticket_key, code, mode, said_at) VALUES (?1, ?2, ?3, ?4)');
  await db.batch(codes.map((code) => insert.bind(ticketKey, code, mode, nowMs)));
}
