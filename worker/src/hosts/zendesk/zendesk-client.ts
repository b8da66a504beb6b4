import * as z from 'zod';
import { retryAfterMs } from '../../http/retry-after-ms.js';
import { zendeskIdSchema } from './zendesk-payloads.js';

/** How Plazo signs in to an account: an API token (Basic "email/token:TOKEN") or an OAuth access token. */
export type ZendeskCredentials = { kind: 'api-token'; email: string; token: string } | { kind: 'oauth'; accessToken: string };

/** A refused or failed REST call, with what the caller needs to decide: the status and Zendesk's own wait. */
export class ZendeskApiError extends Error {
  override readonly name = 'ZendeskApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

const restTicketSchema = z.object({
  id: zendeskIdSchema,
  priority: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['urgent', 'high', 'normal', 'low']).nullable()),
  status: z.string(),
  tags: z.array(z.string()).default([]),
  custom_fields: z.array(z.object({ id: z.number(), value: z.unknown() })).default([]),
  updated_at: z.string(),
});
export type ZendeskRestTicket = z.infer<typeof restTicketSchema>;
const ticketResponse = z.object({ ticket: restTicketSchema });
const meResponse = z.object({ user: z.object({ id: zendeskIdSchema }) });

/** What a safe update sends: only the keys that change. */
export type ZendeskTicketUpdate = {
  priority?: string;
  tags?: string[];
  custom_fields?: { id: number; value: string | null }[];
  comment?: { body: string; public: boolean };
};

function utf8Base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

export function authorization(credentials: ZendeskCredentials): string {
  return credentials.kind === 'api-token'
    ? `Basic ${utf8Base64(`${credentials.email}/token:${credentials.token}`)}`
    : `Bearer ${credentials.accessToken}`;
}

/** The account's REST base: https://<subdomain>.zendesk.com, or a template with "{subdomain}" (tests, proxies). */
export function zendeskBaseUrl(template: string | undefined, subdomain: string): string {
  return (template ?? 'https://{subdomain}.zendesk.com').replace('{subdomain}', encodeURIComponent(subdomain)).replace(/\/+$/, '');
}

export type ZendeskClient = ReturnType<typeof createZendeskClient>;

/** The few Support REST calls Plazo makes, through fetch with the documented shapes; every failure is a ZendeskApiError. */
export function createZendeskClient(options: { baseUrl: string; credentials: ZendeskCredentials; timeoutMs: number }) {
  const auth = authorization(options.credentials);

  async function call<T>(method: 'GET' | 'PUT', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${options.baseUrl}${path}`, {
        method,
        headers: { authorization: auth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new ZendeskApiError(
        0,
        timedOut ? `Zendesk did not answer ${method} ${path} in time` : `${method} ${path}: ${String(error)}`,
        null,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const wait = retryAfterMs(response.headers.get('retry-after'), Date.now());
      throw new ZendeskApiError(response.status, `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`, wait);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ZendeskApiError(response.status, `${method} ${path} answered ${response.status} with a body that is not JSON`, null);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new ZendeskApiError(response.status, `${method} ${path} answered an unexpected shape: ${parsed.error.message}`, null);
    return parsed.data;
  }

  return {
    async me(): Promise<string> {
      return (await call('GET', '/api/v2/users/me.json', meResponse)).user.id;
    },
    async getTicket(id: string): Promise<ZendeskRestTicket> {
      return (await call('GET', `/api/v2/tickets/${encodeURIComponent(id)}.json`, ticketResponse)).ticket;
    },
    /** A safe update: Zendesk answers 409 when the ticket changed after `updatedStamp`. */
    async updateTicket(id: string, update: ZendeskTicketUpdate, updatedStamp: string): Promise<ZendeskRestTicket> {
      const body = { ticket: { ...update, safe_update: true, updated_stamp: updatedStamp } };
      return (await call('PUT', `/api/v2/tickets/${encodeURIComponent(id)}.json`, ticketResponse, body)).ticket;
    },
  };
}
