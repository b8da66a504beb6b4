import { Hono } from 'hono/tiny';
import * as z from 'zod';
import type { Env } from '../env.js';
import { requireAdmin } from '../http/admin-auth.js';
import { limitBody } from '../http/body-limit.js';
import { problem } from '../http/problem.js';
import { readRequest } from '../http/read-request.js';
import { insertInstallationToken, newInstallationToken } from '../store/installation-tokens.js';
import { getInstallation, upsertInstallation } from '../store/installations.js';

/** A Zendesk subdomain: the "acme" of acme.zendesk.com. "dev" is where development-signed deliveries go. */
const subdomain = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be the account\'s subdomain, e.g. "acme" for acme.zendesk.com')
  .refine((s) => s !== 'dev', '"dev" is reserved for development deliveries');
/** A Jira Cloud site's host, e.g. acme.atlassian.net: admin webhooks name it (?site=) and write-back calls it. */
const site = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
    'must be the site\'s host, e.g. "acme.atlassian.net"',
  );
const requestSchema = z.discriminatedUnion('host', [
  z.strictObject({ host: z.literal('zendesk'), subdomain }),
  z.strictObject({ host: z.literal('jira'), site }),
]);

/** POST /api/v1/installations (admin): creates an installation and shows its token once; only its SHA-256 is stored. */
export const installationRoutes = new Hono<{ Bindings: Env }>().post('/', requireAdmin, limitBody, async (c) => {
  const request = readRequest(new Uint8Array(await c.req.arrayBuffer()), requestSchema);
  if (!request.ok) return problem(c, 400, request.issue);
  const name = request.value.host === 'zendesk' ? request.value.subdomain : request.value.site;
  const key = `${request.value.host}:${name}`;
  if (await getInstallation(c.env.DB, key))
    return problem(c, 409, {
      code: 'installation-exists',
      detail: `installation "${key}" exists; its token was shown when it was created`,
    });
  const token = newInstallationToken();
  const now = Date.now();
  await c.env.DB.batch([
    upsertInstallation(c.env.DB, { key, host: request.value.host, externalId: name, account: name }, now),
    await insertInstallationToken(c.env.DB, key, token, now),
  ]);
  return c.json({ key, token }, 201);
});
