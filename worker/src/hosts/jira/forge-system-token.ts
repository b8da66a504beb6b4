import { decodeJwt } from 'jose';
import * as z from 'zod';
import { importCredentialsKey } from '../../secrets/seal-secret.js';
import { putInstallationSecret, readInstallationSecrets } from '../../store/installation-secrets.js';

/** Forge promises a system token at least this long; one whose own expiry cannot be read is kept for this long. */
export const SYSTEM_TOKEN_MIN_LIFE_MS = 55 * 60_000;

/** The app system token an installation's last Forge call carried, with where it calls Jira and until when. */
const systemTokenSchema = z.object({ token: z.string().min(1), apiBaseUrl: z.url(), expiresAt: z.number() });
export type SystemToken = z.infer<typeof systemTokenSchema>;

/** The token's own `exp` when it is a JWT, else the documented minimum from now. */
export function systemTokenExpiry(token: string, nowMs: number): number {
  try {
    const exp = decodeJwt(token).exp;
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // Not a JWT: Forge documents only its minimum life.
  }
  return nowMs + SYSTEM_TOKEN_MIN_LIFE_MS;
}

/** Seals the newest system token (x-forge-oauth-system) beside the installation; none is stored without CREDENTIALS_KEY. */
export async function storeSystemToken(
  db: D1Database,
  credentialsKey: string | undefined,
  installationKey: string,
  token: string,
  apiBaseUrl: string,
  nowMs: number,
): Promise<boolean> {
  const key = await importCredentialsKey(credentialsKey);
  if (!key.ok) return false;
  const value: SystemToken = { token, apiBaseUrl, expiresAt: systemTokenExpiry(token, nowMs) };
  await (await putInstallationSecret(db, key.value, installationKey, 'system-token', JSON.stringify(value), nowMs)).run();
  return true;
}

/** The stored system token while it is still valid; null when none was stored, it cannot be opened, or it expired. */
export async function readSystemToken(
  db: D1Database,
  credentialsKey: string | undefined,
  installationKey: string,
  nowMs: number,
): Promise<SystemToken | null> {
  const key = await importCredentialsKey(credentialsKey);
  if (!key.ok) return null;
  const sealed = (await readInstallationSecrets(db, key.value, installationKey))['system-token'];
  if (!sealed) return null;
  let json: unknown;
  try {
    json = JSON.parse(sealed);
  } catch {
    return null;
  }
  const parsed = systemTokenSchema.safeParse(json);
  return parsed.success && parsed.data.expiresAt > nowMs ? parsed.data : null;
}
