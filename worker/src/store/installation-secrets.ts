import { openSecret, type SealedSecret, sealSecret } from '../secrets/seal-secret.js';

/**
 * The secrets an installation may store: what a setup step sends (webhook signing secret, API e-mail and token) and what a host
 * hands over by itself (Jira Forge's app system token, with its expiry).
 */
export const secretNames = ['webhook-signing-secret', 'api-email', 'api-token', 'system-token'] as const;
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

/** The account an installation's deliveries come from, binding `accountId` when none is bound yet. */
export async function boundAccount(db: D1Database, installationKey: string, accountId: string, nowMs: number): Promise<string> {
  const row = await db
    .prepare(
      `INSERT INTO installation_accounts (installation_key, account_id, bound_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (installation_key) DO UPDATE SET installation_key = installation_key RETURNING account_id`,
    )
    .bind(installationKey, accountId, nowMs)
    .first<{ account_id: string }>();
  return row?.account_id ?? accountId;
}
