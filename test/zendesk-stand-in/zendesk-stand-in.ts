import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJsonRequest } from '../stand-in/read-json-request.js';

/**
 * A stand-in for Zendesk's Support REST API on loopback, one account per subdomain under http://127.0.0.1:<port>/<subdomain>,
 * following the documented shapes of the calls Plazo makes: GET/PUT /api/v2/tickets/{id}.json (safe_update with
 * updated_stamp answers 409 when the ticket changed), GET /api/v2/users/me.json; Basic "email/token:TOKEN" or Bearer auth;
 * 429 with Retry-After and 5xx through faults. Tests steer it through /__stand-in/* and read what it holds.
 */

type Ticket = {
  id: number;
  subject: string;
  status: string;
  priority: string | null;
  tags: string[];
  custom_fields: { id: number; value: string | null }[];
  comments: { body: string; public: boolean; author_id: number }[];
  updated_at: string;
};
type Account = { email: string; token: string; userId: number; tickets: Map<number, Ticket> };
/** `conflict`: someone changes the ticket just before the PUT is read, so its updated_stamp is stale (a real 409). */
type Fault = {
  subdomain: string;
  method: string;
  path: RegExp;
  status: number;
  times: number;
  headers: Record<string, string>;
  conflict: boolean;
};
type Logged = { subdomain: string; method: string; path: string; status: number; body: unknown };

/** Answers and returns the status, for the log. */
const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
  return status;
};

export async function startZendeskStandIn(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  let accounts = new Map<string, Account>();
  let faults: Fault[] = [];
  let log: Logged[] = [];
  let clock = Date.parse('2026-01-01T00:00:00Z');
  /** Zendesk's updated_at has whole seconds; every change moves it forward, so a stale stamp is always detected. */
  const tick = () => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const view = (t: Ticket) => ({
    id: t.id,
    url: '',
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    tags: t.tags,
    custom_fields: t.custom_fields,
    fields: t.custom_fields,
    updated_at: t.updated_at,
    created_at: '2026-01-01T00:00:00Z',
  });

  function authorized(account: Account, header: string | undefined): boolean {
    if (!header) return false;
    if (header.startsWith('Basic '))
      return Buffer.from(header.slice(6), 'base64').toString('utf8') === `${account.email}/token:${account.token}`;
    return header === `Bearer oauth-${account.token}`;
  }

  function update(t: Ticket, body: Record<string, any>): void {
    if (typeof body.priority === 'string' || body.priority === null) t.priority = body.priority;
    if (Array.isArray(body.tags)) t.tags = [...new Set(body.tags.map((x: string) => x.toLowerCase()))];
    if (Array.isArray(body.custom_fields)) {
      for (const f of body.custom_fields) {
        const existing = t.custom_fields.find((c) => c.id === f.id);
        if (existing) existing.value = f.value;
        else t.custom_fields.push({ id: f.id, value: f.value });
      }
    }
    t.updated_at = tick();
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, subdomain: string, path: string): Promise<number> {
    const method = req.method ?? 'GET';
    const account = accounts.get(subdomain);
    if (!account) return send(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
    if (!authorized(account, req.headers.authorization)) return send(res, 401, { error: "Couldn't authenticate you" });

    const fault = faults.find(
      (f) => f.times > 0 && f.subdomain === subdomain && (f.method === 'ANY' || f.method === method) && f.path.test(path),
    );
    if (fault && !fault.conflict) {
      fault.times -= 1;
      const body = fault.status === 429 ? { error: 'APIRateLimitExceeded', description: 'Rate limit exceeded' } : { error: 'ServerError' };
      return send(res, fault.status, body, fault.headers);
    }

    if (method === 'GET' && path === '/api/v2/users/me.json') {
      return send(res, 200, { user: { id: account.userId, email: account.email, role: 'admin' } });
    }
    const m = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(path);
    const ticket = m ? account.tickets.get(Number(m[1])) : undefined;
    if (!m) return send(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
    if (!ticket) return send(res, 404, { error: 'RecordNotFound', description: 'Not found' });
    if (method === 'GET') return send(res, 200, { ticket: view(ticket) });
    if (method !== 'PUT') return send(res, 405, { error: 'MethodNotAllowed' });

    const body = ((await readJsonRequest(req)) as { ticket?: Record<string, any> } | null)?.ticket;
    if (!body || typeof body !== 'object') return send(res, 400, { error: 'InvalidValue', description: 'ticket is required' });
    if (fault?.conflict) {
      fault.times -= 1;
      // An agent's edit lands between Plazo's read and its write.
      update(ticket, { tags: [...ticket.tags, 'escalated'] });
    }
    if (body.safe_update === true && body.updated_stamp !== ticket.updated_at) {
      const description =
        'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.';
      return send(res, 409, { error: 'UpdateConflict', description });
    }
    if (body.comment)
      ticket.comments.push({ body: String(body.comment.body), public: body.comment.public !== false, author_id: account.userId });
    update(ticket, body);
    return send(res, 200, { ticket: view(ticket), audit: { id: clock, ticket_id: ticket.id, created_at: ticket.updated_at, events: [] } });
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, route: string, url: URL): Promise<number> {
    if (req.method === 'POST' && route === '/reset') {
      accounts = new Map();
      faults = [];
      log = [];
      return send(res, 200, {});
    }
    if (req.method === 'POST' && route === '/accounts') {
      const a = (await readJsonRequest(req)) as { subdomain: string; email: string; token: string; userId: number };
      accounts.set(a.subdomain, {
        email: a.email,
        token: a.token,
        userId: a.userId,
        tickets: accounts.get(a.subdomain)?.tickets ?? new Map(),
      });
      return send(res, 201, {});
    }
    if (req.method === 'POST' && route === '/tickets') {
      const t = (await readJsonRequest(req)) as {
        subdomain: string;
        id: number;
        subject?: string;
        priority?: string | null;
        tags?: string[];
        fields?: number[];
      };
      const account = accounts.get(t.subdomain);
      if (!account) return send(res, 404, { error: `no account ${t.subdomain}` });
      account.tickets.set(t.id, {
        id: t.id,
        subject: t.subject ?? '',
        status: 'open',
        priority: t.priority ?? null,
        tags: t.tags ?? [],
        custom_fields: (t.fields ?? []).map((id) => ({ id, value: null })),
        comments: [],
        updated_at: tick(),
      });
      return send(res, 201, {});
    }
    if (req.method === 'POST' && route === '/faults') {
      const f = (await readJsonRequest(req)) as {
        subdomain: string;
        method?: string;
        path: string;
        status?: number;
        times?: number;
        headers?: Record<string, string>;
        conflict?: boolean;
      };
      faults.push({
        subdomain: f.subdomain,
        method: f.method ?? 'ANY',
        path: new RegExp(f.path),
        status: f.status ?? 500,
        times: f.times ?? 1,
        headers: f.headers ?? {},
        conflict: f.conflict === true,
      });
      return send(res, 201, {});
    }
    if (req.method === 'GET' && route === '/ticket') {
      const t = accounts.get(url.searchParams.get('subdomain') ?? '')?.tickets.get(Number(url.searchParams.get('id')));
      return t ? send(res, 200, { ...view(t), comments: t.comments }) : send(res, 404, { error: 'no such ticket' });
    }
    if (req.method === 'GET' && route === '/log') {
      const subdomain = url.searchParams.get('subdomain');
      return send(res, 200, subdomain ? log.filter((l) => l.subdomain === subdomain) : log);
    }
    return send(res, 404, { error: `unknown stand-in route ${route}` });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const done = (error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
    };
    if (url.pathname.startsWith('/__stand-in/')) {
      handleControl(req, res, url.pathname.slice('/__stand-in'.length), url).catch(done);
      return;
    }
    const [, subdomain = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    handleApi(req, res, subdomain, path)
      .then((status) => log.push({ subdomain, method: req.method ?? 'GET', path, status, body: null }))
      .catch(done);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
