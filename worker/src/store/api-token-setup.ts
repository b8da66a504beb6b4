import { fail, ok, type Result } from '@plazo/core';
import * as z from 'zod';
import { importCredentialsKey } from '../secrets/seal-secret.js';
import { putInstallationSecret, type SecretName, storedSecretNames } from './installation-secrets.js';

const secret = z.string().min(1).max(500);

/** The setup step's secrets for a host written back to with an API e-mail and token (Zendesk, a Jira site without the app). */
export const apiTokenSetupShape = {
  /** The secret the host signs its webhooks with. */
  webhookSigningSecret: secret.optional(),
  /** The account and API token Plazo writes back as. */
  apiEmail: z.email().max(320).optional(),
  apiToken: secret.optional(),
};
type ApiTokenSetup = { [K in keyof typeof apiTokenSetupShape]?: string };

/** Each secret by the name the setup request gives it and the name it is stored under. */
const secretFields: readonly [keyof ApiTokenSetup, SecretName][] = [
  ['webhookSigningSecret', 'webhook-signing-secret'],
  ['apiEmail', 'api-email'],
  ['apiToken', 'api-token'],
];

/** Whether the installation has every secret, and which request fields are still missing (never the values). */
export async function apiTokenSetupState(db: D1Database, installationKey: string): Promise<{ ready: boolean; missing: string[] }> {
  const stored = new Set(await storedSecretNames(db, installationKey));
  const missing = secretFields.filter(([, name]) => !stored.has(name)).map(([field]) => field);
  return { ready: missing.length === 0, missing };
}

/**
 * The statements that store the given secrets (sealed) and, when given, the settings, for the caller to run in one batch
 * with anything else of the same request, so all of it lands or none does.
 */
export async function apiTokenSetupStatements(
  db: D1Database,
  credentialsKey: string | undefined,
  installationKey: string,
  request: ApiTokenSetup,
  settings: unknown,
  now: number,
): Promise<Result<D1PreparedStatement[], 'misconfigured'>> {
  const given = secretFields.flatMap(([field, name]) => (typeof request[field] === 'string' ? [[name, request[field]] as const] : []));
  const key = await importCredentialsKey(credentialsKey);
  if (given.length > 0 && !key.ok) return fail('misconfigured', key.issue.detail);
  const statements: D1PreparedStatement[] = [];
  if (key.ok)
    for (const [name, value] of given) statements.push(await putInstallationSecret(db, key.value, installationKey, name, value, now));
  if (settings !== undefined)
    statements.push(
      db
        .prepare('UPDATE installations SET settings = ?2, updated_at = ?3 WHERE key = ?1')
        .bind(installationKey, JSON.stringify(settings), now),
    );
  return ok(statements);
}
