import type { MiddlewareHandler } from 'hono';
import type { Env } from '../env.js';
import type { StoredInstallation } from '../hosts/host-adapter.js';
import { installationOfToken } from '../store/installation-tokens.js';
import { getInstallation } from '../store/installations.js';
import { problem } from './problem.js';

export type InstallationVariables = { installation: StoredInstallation };

/**
 * Sidebar and setup endpoints need `Authorization: Bearer <installation token>`: the token names its installation, so a
 * caller only ever reaches its own installation's tickets, policy and setup.
 */
export const requireInstallation =
  (host: string): MiddlewareHandler<{ Bindings: Env; Variables: InstallationVariables }> =>
  async (c, next) => {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(c.req.header('authorization') ?? '');
    const key = match ? await installationOfToken(c.env.DB, match[1]!) : null;
    const installation = key ? await getInstallation(c.env.DB, key) : null;
    if (!installation || installation.host !== host) {
      c.header('WWW-Authenticate', 'Bearer realm="plazo-installation"');
      return problem(c, 401, { code: 'unauthorized', detail: "a valid installation token is required (the app's plazoToken setting)" });
    }
    c.set('installation', installation);
    await next();
  };
