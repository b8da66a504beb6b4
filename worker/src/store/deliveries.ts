/** Plain INSERT on purpose: a delivery id seen before aborts the whole batch it belongs to. */
export function insertDelivery(
  db: D1Database,
  d: { host: string; id: string; event: string; ticketKey: string | null },
  nowMs: number,
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO deliveries (host, delivery_id, event, ticket_key, received_at) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(d.host, d.id, d.event, d.ticketKey, nowMs);
}

export async function deliverySeen(db: D1Database, host: string, id: string): Promise<boolean> {
  return (await db.prepare('SELECT 1 AS seen FROM deliveries WHERE host = ?1 AND delivery_id = ?2').bind(host, id).first()) !== null;
}

export const isDuplicateDelivery = (error: unknown) =>
  /UNIQUE constraint failed: deliveries/i.test(String((error as Error)?.message ?? error));
