const utf8 = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 32 random bytes, base64url: the token an installation's app sends as its bearer. */
export function newInstallationToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Stores the token's SHA-256 only: the token itself is shown once, to the admin who created the installation. */
export async function insertInstallationToken(
  db: D1Database,
  installationKey: string,
  token: string,
  nowMs: number,
): Promise<D1PreparedStatement> {
  return db
    .prepare('INSERT INTO installation_tokens (token_sha256, installation_key, created_at) VALUES (?1, ?2, ?3)')
    .bind(await sha256Hex(token), installationKey, nowMs);
}

/** The installation a bearer token belongs to, or null; a lookup by hash, so nothing compares secrets byte by byte. */
export async function installationOfToken(db: D1Database, token: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT installation_key FROM installation_tokens WHERE token_sha256 = ?1')
    .bind(await sha256Hex(token))
    .first<{ installation_key: string }>();
  return row?.installation_key ?? null;
}
