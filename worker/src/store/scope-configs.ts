import type { Problem } from '@plazo/core';
import { readJson } from './json-column.js';

/** How long a scope's configuration file is trusted before it is read from the host again. */
export const SCOPE_CONFIG_TTL_MS = 5 * 60 * 1000;

export type CachedScopeConfig = { settings: unknown; problems: Problem[]; revision: string | null; fetchedAt: number };

export async function getScopeConfig(db: D1Database, installationKey: string, scope: string): Promise<CachedScopeConfig | null> {
  const row = await db
    .prepare('SELECT settings, problems, revision, fetched_at FROM scope_configs WHERE installation_key = ?1 AND scope = ?2')
    .bind(installationKey, scope)
    .first<{ settings: string | null; problems: string | null; revision: string | null; fetched_at: number }>();
  if (!row) return null;
  return {
    settings: readJson(row.settings),
    problems: (readJson(row.problems) as Problem[] | null) ?? [],
    revision: row.revision,
    fetchedAt: row.fetched_at,
  };
}

export async function putScopeConfig(db: D1Database, installationKey: string, scope: string, c: CachedScopeConfig): Promise<void> {
  await db
    .prepare(
      `INSERT INTO scope_configs (installation_key, scope, settings, problems, revision, fetched_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (installation_key, scope) DO UPDATE SET settings = excluded.settings, problems = excluded.problems,
         revision = excluded.revision, fetched_at = excluded.fetched_at`,
    )
    .bind(
      installationKey,
      scope,
      c.settings === null ? null : JSON.stringify(c.settings),
      JSON.stringify(c.problems),
      c.revision,
      c.fetchedAt,
    )
    .run();
}
