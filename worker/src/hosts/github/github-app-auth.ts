import githubAppJwt from 'universal-github-app-jwt';
import type { HostContext } from '../host-adapter.js';
import { createGitHubClient } from './github-client.js';
import type { GitHubConfig } from './github-config.js';

type CachedToken = { token: string; expiresAtMs: number };

/** Installation tokens live an hour; one is reused until this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

// Per isolate: a new isolate simply asks GitHub for a fresh token.
const tokens = new Map<string, CachedToken>();

/** The App's own bearer token: an RS256 JWT signed with WebCrypto from the PKCS#8 key. */
export async function appJwt(config: GitHubConfig): Promise<string> {
  const { token } = await githubAppJwt({ id: config.appId!, privateKey: config.appPrivateKey! });
  return token;
}

/** An installation access token, cached until shortly before it expires. */
export async function installationToken(installationId: string, ctx: HostContext<GitHubConfig>, nowMs = Date.now()): Promise<string> {
  const cacheKey = `${ctx.config.apiUrl}|${ctx.config.appId}|${installationId}`;
  const cached = tokens.get(cacheKey);
  if (cached && cached.expiresAtMs - REFRESH_MARGIN_MS > nowMs) return cached.token;
  const app = createGitHubClient(await appJwt(ctx.config), ctx.config.apiUrl, ctx.limits);
  const { data } = await app.request('POST /app/installations/{installation_id}/access_tokens', {
    installation_id: Number(installationId),
  });
  tokens.set(cacheKey, { token: data.token, expiresAtMs: Date.parse(data.expires_at) });
  return data.token;
}

/** Forgets a token GitHub refused, so the next try mints a new one. */
export function forgetInstallationToken(installationId: string, config: GitHubConfig): void {
  tokens.delete(`${config.apiUrl}|${config.appId}|${installationId}`);
}

/** The App's bot login ("<slug>[bot]"), from configuration or else from GET /app. */
export async function appBotLogin(ctx: HostContext<GitHubConfig>): Promise<string | null> {
  if (ctx.config.appSlug) return `${ctx.config.appSlug}[bot]`;
  const app = createGitHubClient(await appJwt(ctx.config), ctx.config.apiUrl, ctx.limits);
  const { data } = await app.request('GET /app');
  return data?.slug ? `${data.slug}[bot]` : null;
}
