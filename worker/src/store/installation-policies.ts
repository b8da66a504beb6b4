import type { Policy } from '@plazo/core';

/** An installation's uploaded policy as stored: its document and the hash that names this revision of it. */
export type StoredPolicy = { policyId: string; document: string; sha256: string };

type Row = { policy_id: string; document: string; sha256: string };

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores (or replaces) the installation's policy, already validated by parsePolicy. */
export async function putInstallationPolicy(
  db: D1Database,
  installationKey: string,
  policy: Policy,
  nowMs: number,
): Promise<D1PreparedStatement> {
  const document = JSON.stringify(policy);
  return db
    .prepare(
      `INSERT INTO installation_policies (installation_key, policy_id, document, sha256, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (installation_key) DO UPDATE SET policy_id = excluded.policy_id, document = excluded.document,
         sha256 = excluded.sha256, updated_at = excluded.updated_at`,
    )
    .bind(installationKey, policy.id, document, await sha256Hex(document), nowMs);
}

export async function getInstallationPolicy(db: D1Database, installationKey: string): Promise<StoredPolicy | null> {
  const row = await db
    .prepare('SELECT policy_id, document, sha256 FROM installation_policies WHERE installation_key = ?1')
    .bind(installationKey)
    .first<Row>();
  return row ? { policyId: row.policy_id, document: row.document, sha256: row.sha256 } : null;
}
