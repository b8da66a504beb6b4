import { openSecret, type SealedSecret, sealSecret } from '../secrets/seal-secret.js';

/** The secrets an installation may store; the names are also what `missing` lists in the setup answer. */
export const secretNames = ['webhook-signing-secret', 'api-email', 'api-token'] as const;
export type SecretName = (typeof secretNames)[number];

const contextOf = (installationKey: string, name: SecretName) => `${installationKey}/${name}`;

export async function putInstallationSecret(
  db: D1Database,
  key: CryptoKey,
  installationKey: string,
  name: SecretName,
  value: string,
  nowMs: number,
): Promise<D1PreparedStatement> {
  const sealed = await sealSecret(key, value, contextOf(installationKey, name));
  return db
    .prepare(
      `INSERT INTO installation_secrets (installation_key, name, iv, ciphertext, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (installation_key, name) DO UPDATE SET iv = excluded.iv, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
    )
    .bind(installationKey, name, sealed.iv, sealed.ciphertext, nowMs);
}

/** The names an installation has stored, without reading any value. */
export async function storedSecretNames(db: D1Database, installationKey: string): Promise<SecretName[]> {
  const { results } = await db
    .prepare('SELECT name FROM installation_secrets WHERE installation_key = ?1')
    .bind(installationKey)
    .all<{ name: SecretName }>();
  return results.map((r) => r.name);
}

/** The decrypted secrets of one installation; one that does not open (another key, a copied row) is left out. */
export async function readInstallationSecrets(
  db: D1Database,
  key: CryptoKey,
  installationKey: string,
): Promise<Partial<Record<SecretName, string>>> {
  const { results } = await db
    .prepare('SELECT name, iv, ciphertext FROM installation_secrets WHERE installation_key = ?1')
    .bind(installationKey)
    .all<{ name: SecretName } & SealedSecret>();
  const secrets: Partial<Record<SecretName, string>> = {};
  for (const row of results) {
    if (!(secretNames as readonly string[]).includes(row.name)) continue;
    const value = await openSecret(key, row, contextOf(installationKey, row.name));
    if (value !== null) secrets[row.name] = value;
  }
  return secrets;
}

/** Installations of a host that stored a webhook signing secret but are bound to no account yet. */
export async function unboundInstallationsWithSecret(db: D1Database, host: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT s.installation_key FROM installation_secrets s JOIN installations i ON i.key = s.installation_key
       WHERE s.name = 'webhook-signing-secret' AND i.host = ?1
         AND NOT EXISTS (SELECT 1 FROM host_accounts a WHERE a.installation_key = s.installation_key)
       ORDER BY s.installation_key LIMIT 50`,
    )
    .bind(host)
    .all<{ installation_key: string }>();
  return results.map((r) => r.installation_key);
}

export async function installationOfAccount(db: D1Database, host: string, accountId: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT installation_key FROM host_accounts WHERE host = ?1 AND account_id = ?2')
    .bind(host, accountId)
    .first<{ installation_key: string }>();
  return row?.installation_key ?? null;
}

/** Binds an account to the installation whose secret verified its delivery; a second binding of either is ignored. */
export async function bindAccount(db: D1Database, host: string, accountId: string, installationKey: string, nowMs: number): Promise<void> {
  await db
    .prepare('INSERT OR IGNORE INTO host_accounts (host, account_id, installation_key, bound_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(host, accountId, installationKey, nowMs)
    .run();
}
