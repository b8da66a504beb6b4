import { fail, ok, type Result } from '@plazo/core';
import { readInstallationSecrets } from '../store/installation-secrets.js';
import { importCredentialsKey } from './seal-secret.js';

/**
 * The API e-mail and token an installation stored at its setup step (Zendesk, a Jira site without the app), unsealed;
 * missing ones are named with the route that stores them, since shared code then runs the installation as a dry run.
 */
export async function readApiToken(
  db: D1Database,
  credentialsKey: string | undefined,
  installationKey: string,
  setupRoute: string,
): Promise<Result<{ email: string; token: string }, 'missing-credentials'>> {
  const key = await importCredentialsKey(credentialsKey);
  if (!key.ok) return fail('missing-credentials', key.issue.detail);
  const secrets = await readInstallationSecrets(db, key.value, installationKey);
  const email = secrets['api-email'];
  const token = secrets['api-token'];
  if (!email || !token) {
    const missing = [email ? null : 'apiEmail', token ? null : 'apiToken'].filter(Boolean).join(' and ');
    return fail('missing-credentials', `the installation has no ${missing} (store them with POST ${setupRoute})`);
  }
  return ok({ email, token });
}
