import { exports } from 'cloudflare:workers';
import { importJWK, SignJWT } from 'jose';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    jiraStandInUrl: string;
    jiraForgePrivateJwk: string;
  }
}

export const APP_ID = 'ari:cloud:ecosystem::app/0b6e1d6a-5b1e-4c57-9a8f-7d3c2e1f4a5b';
export const DEV_SECRET = 'test-jira-dev-secret';
const standIn = () => inject('jiraStandInUrl');

/** An issue id for one test; every test has its own site, so ids only need to differ within it. */
export const uniqueIssueId = () => 200_000 + Math.floor(Math.random() * 100_000);

/** A Forge installation: its ARI, its site's apiBaseUrl on the stand-in, and the system token Forge hands over. */
export function uniqueForge() {
  const n = crypto.randomUUID();
  const cloudId = crypto.randomUUID();
  return {
    installationId: `ari:cloud:ecosystem::installation/${n}`,
    key: `jira:ari:cloud:ecosystem::installation/${n}`,
    cloudId,
    prefix: `/ex/jira/${cloudId}`,
    apiBaseUrl: `${standIn()}/ex/jira/${cloudId}`,
    systemToken: `system-${n}`,
    appAccountId: `557058:${n.slice(0, 8)}-app`,
  };
}
export type Forge = ReturnType<typeof uniqueForge>;

/** An admin-webhook site: its host, its webhook secret and the API token Plazo writes back with. */
export function uniqueSite() {
  const n = crypto.randomUUID().slice(0, 8);
  const site = `acme-${n}.atlassian.net`;
  return {
    site,
    key: `jira:${site}`,
    prefix: `/site/${site}`,
    secret: `secret-${n}`,
    email: `plazo-${n}@example.com`,
    apiToken: `token-${n}`,
    accountId: `557058:${n}-bot`,
  };
}
export type Site = ReturnType<typeof uniqueSite>;

/** A Forge Invocation Token as Forge signs it (RS256, the stand-in JWKS's key), with claims the test may change. */
/** The UI modules of jira-forge/manifest.yml, as a FIT names the one a frontend call came from. */
export const UI_MODULES = {
  admin: { type: 'jira:adminPage', key: 'plazo-admin' },
  panel: { type: 'jira:issueContext', key: 'plazo-issue-sla' },
} as const;

export async function signFit(
  forge: Forge,
  options: {
    audience?: string;
    expiresIn?: number;
    issuer?: string;
    kid?: string;
    ui?: keyof typeof UI_MODULES;
    /** Another key than the stand-in's default one (jwksRotate's). */
    privateJwk?: string;
  } = {},
) {
  const jwk = JSON.parse(options.privateJwk ?? inject('jiraForgePrivateJwk'));
  const key = await importJWK(jwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    app: {
      id: APP_ID,
      installationId: forge.installationId,
      apiBaseUrl: forge.apiBaseUrl,
      environment: { type: 'PRODUCTION', id: 'env-1' },
      module: options.ui ? UI_MODULES[options.ui] : { type: 'core:endpoint', key: 'plazo-remote' },
    },
    context: options.ui
      ? { cloudId: forge.cloudId, moduleKey: UI_MODULES[options.ui].key, extension: { type: UI_MODULES[options.ui].type } }
      : { cloudId: forge.cloudId, moduleKey: 'plazo-events' },
    principal: '4ad9aa0c52dc1b420a791d12',
  })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? jwk.kid })
    .setIssuer(options.issuer ?? 'forge/invocation-token')
    .setAudience(options.audience ?? APP_ID)
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(key);
}

/** Jira's own instant format ("2021-01-20T15:58:12.797+0000"). */
export const jiraTime = (agoMs = 0) => new Date(Date.now() - agoMs).toISOString().replace('Z', '+0000');

/** The issue as Forge product events carry it (developer.atlassian.com › forge › events-reference › jira). */
export function forgeIssue(
  id: number,
  extra: { summary?: string; status?: { name: string; category: string }; createdAgoMs?: number } = {},
) {
  const status = extra.status ?? { name: 'To Do', category: 'new' };
  return {
    id: String(id),
    key: `SUP-${id}`,
    fields: {
      summary: extra.summary ?? 'La plataforma está caída para todos los usuarios',
      issuetype: { id: '10001', name: 'Story', subtask: false },
      creator: { accountId: '4ad9aa0c52dc1b420a791d12' },
      created: jiraTime(extra.createdAgoMs ?? 60_000),
      project: { id: '10000', key: 'SUP', name: 'Support', projectTypeKey: 'software' },
      reporter: { accountId: '4ad9aa0c52dc1b420a791d12' },
      assignee: null,
      updated: jiraTime(),
      status: { id: '10000', name: status.name, statusCategory: { id: 2, key: status.category, name: status.name } },
    },
  };
}

export function forgeEvent(kind: 'created' | 'updated' | 'commented' | 'deleted', id: number, extra: Record<string, unknown> = {}) {
  return {
    eventType: `avi:jira:${kind}:issue`,
    issue: forgeIssue(id),
    atlassianId: '4ad9aa0c52dc1b420a791d12',
    context: { cloudId: 'c', moduleKey: 'plazo-events' },
    ...extra,
  };
}

/** A Jira Cloud admin webhook (jira:issue_created and friends), as System › WebHooks sends it. */
export function adminWebhook(event: string, site: Site, id: number, extra: Record<string, unknown> = {}) {
  const issue = forgeIssue(id);
  return {
    timestamp: Date.now(),
    webhookEvent: event,
    issue_event_type_name: 'issue_created',
    user: { accountId: '4ad9aa0c52dc1b420a791d12', displayName: 'Carla' },
    issue: {
      ...issue,
      self: `https://${site.site}/rest/api/3/issue/${id}`,
      fields: {
        ...issue.fields,
        description: 'Nadie puede entrar desde esta mañana.',
        priority: { id: '3', name: 'Medium' },
        labels: [],
        duedate: null,
      },
    },
    ...extra,
  };
}

export async function deliverForge(payload: unknown, token: string, systemToken?: string): Promise<Response> {
  return exports.default.fetch('http://plazo.test/forge/jira/events', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(systemToken ? { 'x-forge-oauth-system': systemToken } : {}),
    },
    body: JSON.stringify(payload),
  });
}

export async function hubSignature(secret: string, body: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
  return `sha256=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function deliverWebhook(payload: unknown, options: { secret: string; site?: string; identifier?: string }): Promise<Response> {
  const body = new TextEncoder().encode(JSON.stringify(payload));
  return exports.default.fetch(`http://plazo.test/webhooks/jira${options.site ? `?site=${options.site}` : ''}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature': await hubSignature(options.secret, body),
      'x-atlassian-webhook-identifier': options.identifier ?? crypto.randomUUID(),
    },
    body,
  });
}

export function forgeCall(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(`http://plazo.test/forge/jira${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
}

export function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(`http://plazo.test${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
}

/** The admin-webhook site set up as an admin would: installation, secret, API e-mail and token, settings. */
export async function setUpSite(site: Site, settings: unknown = { policy: 'websaas' }): Promise<string> {
  const created = await api('/api/v1/installations', 'test-admin-token', {
    method: 'POST',
    body: JSON.stringify({ host: 'jira', site: site.site }),
  });
  if (created.status !== 201) throw new Error(`installation not created: ${created.status} ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  const body = { webhookSigningSecret: site.secret, apiEmail: site.email, apiToken: site.apiToken, settings };
  const res = await api('/api/v1/jira/setup', token, { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  return token;
}

async function control(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${standIn()}/__stand-in${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`stand-in ${path}: ${res.status} ${await res.text()}`);
}

export const standInForgeSite = (forge: Forge) =>
  control('/site', { prefix: forge.prefix, auth: `Bearer ${forge.systemToken}`, accountId: forge.appAccountId });
export const standInBasicSite = (site: Site) =>
  control('/site', { prefix: site.prefix, auth: `Basic ${btoa(`${site.email}:${site.apiToken}`)}`, accountId: site.accountId });
export const standInIssue = (prefix: string, id: number, priority = 'Medium', labels: string[] = [], description: unknown = null) =>
  control('/issue', { prefix, id, key: `SUP-${id}`, priority, labels, description });

/** A description as Jira Cloud's REST API v3 returns it: an ADF document of paragraphs. */
export const adfDoc = (...paragraphs: string[]) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
/** Who is in which group, and the project roles with their user and group actors, on the stand-in's site. */
export const standInDirectory = (
  prefix: string,
  directory: {
    groups?: Record<string, { name: string; groupId: string }[]>;
    roles?: { id: number; name: string; users: string[]; groups: { name: string; groupId: string }[] }[];
  },
) => control('/directory', { prefix, ...directory });
export const standInFault = (
  prefix: string,
  f: { method?: string; path: string; status: number; times?: number; headers?: Record<string, string> },
) => control('/faults', { prefix, ...f });

export type StandInIssue = {
  priority: string | null;
  labels: string[];
  duedate: string | null;
  properties: Record<string, any>;
  comments: { id: string; body: any; author: string }[];
};
export async function standInState(prefix: string, id: number): Promise<StandInIssue> {
  return (await (await fetch(`${standIn()}/__stand-in/state?prefix=${encodeURIComponent(prefix)}&id=${id}`)).json()) as StandInIssue;
}
export async function standInLog(prefix: string): Promise<{ method: string; path: string; status: number; body: unknown }[]> {
  return ((await (await fetch(`${standIn()}/__stand-in/log?prefix=${encodeURIComponent(prefix)}`)).json()) as { requests: never[] })
    .requests;
}

/** A JWKS of the test's own on the stand-in (`JIRA_FORGE_JWKS_URL` for it): each call adds a key with a new kid, returned private. */
export const jwksSetUrl = (set: string) => `${standIn()}/.well-known/jwks.json?set=${encodeURIComponent(set)}`;
export async function jwksRotate(set: string): Promise<string> {
  const res = await fetch(`${standIn()}/__stand-in/jwks/rotate`, { method: 'POST', body: JSON.stringify({ set }) });
  if (!res.ok) throw new Error(`stand-in jwks/rotate: ${res.status} ${await res.text()}`);
  return JSON.stringify(((await res.json()) as { privateJwk: unknown }).privateJwk);
}
export async function jwksFetches(set: string): Promise<number> {
  const res = await fetch(`${standIn()}/__stand-in/jwks/fetches?set=${encodeURIComponent(set)}`);
  return ((await res.json()) as { fetches: number }).fetches;
}
