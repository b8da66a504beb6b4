import { exports } from 'cloudflare:workers';
import { inject } from 'vitest';
import commentAdded from '../../fixtures/zendesk/ticket-comment-added.json';
import created from '../../fixtures/zendesk/ticket-created.json';
import merged from '../../fixtures/zendesk/ticket-merged.json';
import priorityChanged from '../../fixtures/zendesk/ticket-priority-changed.json';
import softDeleted from '../../fixtures/zendesk/ticket-soft-deleted.json';
import statusChanged from '../../fixtures/zendesk/ticket-status-changed.json';
import tagsChanged from '../../fixtures/zendesk/ticket-tags-changed.json';

declare module 'vitest' {
  export interface ProvidedContext {
    zendeskStandInUrl: string;
  }
}

export const DEV_SECRET = 'test-zendesk-dev-secret';
const fixtures = { created, commentAdded, statusChanged, priorityChanged, tagsChanged, merged, softDeleted };
export type FixtureName = keyof typeof fixtures;

let counter = 0;
/** A fresh account: its subdomain, Zendesk account id, API user and webhook secret meet no other test's. */
export function uniqueAccount() {
  counter += 1;
  // A wide random part: test files running at the same millisecond once drew the same account (installation-exists).
  const n = (Date.now() % 1_000_000_000) + counter * 13 + Math.floor(Math.random() * 1_000_000_000);
  return {
    subdomain: `acme-${n}`,
    accountId: String(10_000_000 + n),
    email: `plazo-${n}@example.com`,
    apiToken: `api-token-${n}`,
    userId: 900_000_000 + n,
    webhookSecret: `whsec-${n}-${crypto.randomUUID()}`,
  };
}
export type Account = ReturnType<typeof uniqueAccount>;

/** An instant as Zendesk writes it (whole seconds, "Z"), `agoMs` before now. */
export const zendeskTime = (agoMs = 0) => new Date(Date.now() - agoMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A documented event payload pointed at a ticket of the account, with a fresh event id. */
export function zendeskEvent(
  name: FixtureName,
  account: Account,
  ticketId: number,
  changes: { createdAt?: string; detail?: Record<string, unknown>; event?: Record<string, unknown> } = {},
): Record<string, any> {
  const p = structuredClone(fixtures[name]) as Record<string, any>;
  const now = zendeskTime();
  p.id = crypto.randomUUID();
  p.account_id = Number(account.accountId);
  p.time = now;
  p.subject = `zen:ticket:${ticketId}`;
  p.detail = {
    ...p.detail,
    id: String(ticketId),
    created_at: changes.createdAt ?? zendeskTime(60_000),
    updated_at: now,
    ...changes.detail,
  };
  if (changes.event) p.event = { ...p.event, ...changes.event };
  return p;
}

async function sign(secret: string, timestamp: string, body: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const data = new Uint8Array([...new TextEncoder().encode(timestamp), ...body]);
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, data))));
}

/**
 * POSTs a delivery as Zendesk sends one: base64 HMAC-SHA256 of timestamp + raw body, the account in a header, to the URL
 * the installation's webhook has (`?subdomain=`; none for the development secret).
 */
export async function deliverZendesk(
  payload: unknown,
  options: { secret: string; accountId: string; subdomain?: string; timestamp?: string; body?: string | Uint8Array; signature?: string },
): Promise<Response> {
  const raw = options.body ?? JSON.stringify(payload);
  const body = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
  const timestamp = options.timestamp ?? zendeskTime();
  const query = options.subdomain === undefined ? '' : `?subdomain=${options.subdomain}`;
  return exports.default.fetch(`http://plazo.test/webhooks/zendesk${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Zendesk Webhook',
      'x-zendesk-account-id': options.accountId,
      'x-zendesk-webhook-id': '01GWEBHOOK',
      'x-zendesk-webhook-invocation-id': String(Math.floor(Math.random() * 1e9)),
      'x-zendesk-webhook-signature': options.signature ?? (await sign(options.secret, timestamp, body)),
      'x-zendesk-webhook-signature-timestamp': timestamp,
    },
    body,
  });
}

export function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(`http://plazo.test${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
}

/** Creates the installation through the admin API and returns the token shown once. */
export async function createInstallation(subdomain: string): Promise<string> {
  const res = await api('/api/v1/installations', 'test-admin-token', {
    method: 'POST',
    body: JSON.stringify({ host: 'zendesk', subdomain }),
  });
  if (res.status !== 201) throw new Error(`installation not created: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** What the setup step sends: the webhook secret, and the API credentials unless `dryRun`. */
export async function setUp(account: Account, options: { credentials?: boolean; settings?: unknown } = {}): Promise<string> {
  const token = await createInstallation(account.subdomain);
  const body = {
    webhookSigningSecret: account.webhookSecret,
    ...(options.credentials === false ? {} : { apiEmail: account.email, apiToken: account.apiToken }),
    ...(options.settings ? { settings: options.settings } : {}),
  };
  const res = await api('/api/v1/zendesk/setup', token, { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  return token;
}

const standIn = () => inject('zendeskStandInUrl');

async function control(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${standIn()}/__stand-in${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`stand-in ${path}: ${res.status} ${await res.text()}`);
}

/** The account on the Zendesk stand-in, with its API user and one ticket carrying the due-instant fields. */
export async function standInAccount(account: Account): Promise<void> {
  await control('/accounts', { subdomain: account.subdomain, email: account.email, token: account.apiToken, userId: account.userId });
}
export const standInTicket = (account: Account, id: number, t: { priority?: string | null; tags?: string[]; fields?: number[] } = {}) =>
  control('/tickets', { subdomain: account.subdomain, id, ...t });
export const standInFault = (
  account: Account,
  f: { method?: string; path: string; status?: number; times?: number; headers?: Record<string, string>; conflict?: boolean },
) => control('/faults', { subdomain: account.subdomain, ...f });

export type StandInTicket = {
  priority: string | null;
  tags: string[];
  custom_fields: { id: number; value: string | null }[];
  comments: { body: string; public: boolean; author_id: number }[];
};
export async function standInState(account: Account, id: number): Promise<StandInTicket> {
  const res = await fetch(`${standIn()}/__stand-in/ticket?subdomain=${account.subdomain}&id=${id}`);
  return (await res.json()) as StandInTicket;
}
export async function standInLog(subdomain?: string): Promise<{ subdomain: string; method: string; path: string; status: number }[]> {
  const res = await fetch(`${standIn()}/__stand-in/log${subdomain ? `?subdomain=${subdomain}` : ''}`);
  return (await res.json()) as never;
}
