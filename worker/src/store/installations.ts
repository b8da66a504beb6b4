import type { InstallationUpsert, StoredInstallation } from '../hosts/host-adapter.js';
import { readJson } from './json-column.js';

type InstallationRow = {
  key: string;
  host: string;
  external_id: string;
  account: string | null;
  active: number;
  settings: string;
  self_actor: string | null;
};

function toInstallation(row: InstallationRow): StoredInstallation {
  return {
    key: row.key,
    host: row.host as StoredInstallation['host'],
    externalId: row.external_id,
    account: row.account,
    active: row.active === 1,
    settings: readJson(row.settings) ?? {},
    selfActor: row.self_actor,
  };
}

/** Creates the installation on its first delivery; `active` set only when the delivery says so. */
export function upsertInstallation(db: D1Database, i: InstallationUpsert, nowMs: number, active?: boolean): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO installations (key, host, external_id, account, active, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
       ON CONFLICT (key) DO UPDATE SET account = COALESCE(excluded.account, installations.account),
         active = CASE WHEN ?7 IS NULL THEN installations.active ELSE ?7 END, updated_at = excluded.updated_at`,
    )
    .bind(i.key, i.host, i.externalId, i.account, active === false ? 0 : 1, nowMs, active === undefined ? null : active ? 1 : 0);
}

export async function getInstallation(db: D1Database, key: string): Promise<StoredInstallation | null> {
  const row = await db.prepare('SELECT * FROM installations WHERE key = ?1').bind(key).first<InstallationRow>();
  return row ? toInstallation(row) : null;
}

export async function listInstallations(db: D1Database): Promise<StoredInstallation[]> {
  const { results } = await db.prepare('SELECT * FROM installations ORDER BY key LIMIT 500').all<InstallationRow>();
  return results.map(toInstallation);
}

export async function setInstallationSettings(db: D1Database, key: string, settings: unknown, nowMs: number): Promise<boolean> {
  const r = await db
    .prepare('UPDATE installations SET settings = ?2, updated_at = ?3 WHERE key = ?1')
    .bind(key, JSON.stringify(settings), nowMs)
    .run();
  return r.meta.changes > 0;
}

export async function setSelfActor(db: D1Database, key: string, actor: string): Promise<void> {
  await db
    .prepare('UPDATE installations SET self_actor = ?2 WHERE key = ?1 AND (self_actor IS NULL OR self_actor <> ?2)')
    .bind(key, actor)
    .run();
}
