import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for GitHub's REST API on loopback, following the documented shapes of the endpoints
 * Plazo calls: installation access tokens, contents, labels, issue labels and issue comments.
 * Tests steer it through /__stand-in/* (reset, files, faults) and read what it holds.
 */

export const PERSONAL_TOKEN = 'test-personal-token';
export const PERSONAL_LOGIN = 'plazo-machine';
export const APP_SLUG = 'plazo-test';
export const BOT_LOGIN = `${APP_SLUG}[bot]`;

type Label = { id: number; node_id: string; url: string; name: string; color: string; default: boolean; description: string | null };
type Comment = {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; id: number; type: string };
  author_association: string;
  created_at: string;
  updated_at: string;
  html_url: string;
};
type Repo = { labels: Label[]; files: Map<string, string>; issues: Map<number, { labels: string[]; comments: Comment[] }> };
/** `hang`: no answer at all until the client gives up, so a client timeout fires however slow or fast the machine is. */
type Fault = { method: string; path: RegExp; status: number; times: number; headers: Record<string, string>; body: unknown; hang: boolean };
type Logged = { method: string; path: string; status: number; actor: string | null };

export type StandInOptions = { appId: number; publicKeyPem: string; port?: number };

export async function startGitHubStandIn(options: StandInOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const publicKey = createPublicKey(options.publicKeyPem);
  let repos = new Map<string, Repo>();
  let faults: Fault[] = [];
  let log: Logged[] = [];
  let tokens = new Map<string, { installationId: number; expiresAt: number }>();
  let nextId = 1000;
  let tokenMints = 0;
  let base = '';

  const repoOf = (owner: string, name: string): Repo => {
    const key = `${owner}/${name}`.toLowerCase();
    let repo = repos.get(key);
    if (!repo) repos.set(key, (repo = { labels: [], files: new Map(), issues: new Map() }));
    return repo;
  };
  const issueOf = (repo: Repo, n: number) => {
    let issue = repo.issues.get(n);
    if (!issue) repo.issues.set(n, (issue = { labels: [], comments: [] }));
    return issue;
  };
  const findLabel = (repo: Repo, name: string) => repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
  const makeLabel = (owner: string, name: string, label: string, color = 'ededed', description: string | null = null): Label => {
    const id = nextId++;
    return {
      id,
      node_id: `LA_${id}`,
      url: `${base}/repos/${owner}/${name}/labels/${encodeURIComponent(label)}`,
      name: label,
      color,
      default: false,
      description,
    };
  };

  /** The JWT an App signs: RS256 over header.payload, issued by the App's id. */
  function verifyJwt(jwt: string): boolean {
    const [h, p, s] = jwt.split('.');
    if (!h || !p || !s) return false;
    const ok = verifySignature('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'));
    if (!ok) return false;
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    return (
      header.alg === 'RS256' &&
      String(payload.iss) === String(options.appId) &&
      typeof payload.exp === 'number' &&
      payload.exp > payload.iat
    );
  }

  function actorOf(req: IncomingMessage): { login: string; type: string; jwt: boolean } | null {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const credential = m[1]!;
    if (credential === PERSONAL_TOKEN) return { login: PERSONAL_LOGIN, type: 'User', jwt: false };
    const token = tokens.get(credential);
    if (token && token.expiresAt > Date.now()) return { login: BOT_LOGIN, type: 'Bot', jwt: false };
    if (credential.split('.').length === 3 && verifyJwt(credential)) return { login: APP_SLUG, type: 'App', jwt: true };
    return null;
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function page<T>(items: T[], url: URL, res: ServerResponse): T[] {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const n = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    if (n < last) {
      const next = new URL(url);
      next.searchParams.set('page', String(n + 1));
      res.setHeader(
        'Link',
        `<${base}${next.pathname}${next.search}>; rel="next", <${base}${url.pathname}?per_page=${perPage}&page=${last}>; rel="last"`,
      );
    }
    return items.slice((n - 1) * perPage, n * perPage);
  }

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...headers,
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const notFound = (res: ServerResponse) =>
    send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.replace('/__stand-in', '');
    if (req.method === 'POST' && route === '/reset') {
      repos = new Map();
      faults = [];
      log = [];
      tokens = new Map();
      tokenMints = 0;
      return send(res, 204);
    }
    if (req.method === 'PUT' && route === '/file') {
      const { repo, path, content } = JSON.parse(await readBody(req));
      const [owner, name] = String(repo).split('/');
      if (content === null) repoOf(owner!, name!).files.delete(path);
      else repoOf(owner!, name!).files.set(path, content);
      return send(res, 204);
    }
    if (req.method === 'POST' && route === '/faults') {
      const f = JSON.parse(await readBody(req));
      faults.push({
        method: f.method ?? 'ANY',
        path: new RegExp(f.path),
        status: f.status,
        times: f.times ?? 1,
        headers: f.headers ?? {},
        body: f.body ?? { message: 'stand-in fault' },
        hang: f.hang === true,
      });
      return send(res, 204);
    }
    if (req.method === 'GET' && route === '/state') {
      const [owner, name] = String(url.searchParams.get('repo')).split('/');
      const repo = repoOf(owner!, name!);
      const issue = issueOf(repo, Number(url.searchParams.get('issue') ?? 0));
      return send(res, 200, { labels: issue.labels, comments: issue.comments, repoLabels: repo.labels });
    }
    if (req.method === 'GET' && route === '/log') return send(res, 200, { requests: log, tokenMints });
    return notFound(res);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    const fault = faults.find((f) => f.times > 0 && (f.method === 'ANY' || f.method === method) && f.path.test(path));
    if (fault) {
      fault.times -= 1;
      if (fault.hang) {
        await new Promise((resolve) => res.once('close', resolve));
        return 0;
      }
      send(res, fault.status, fault.body, fault.headers);
      return fault.status;
    }
    const actor = actorOf(req);
    if (!actor) {
      send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      return 401;
    }
    let m: RegExpExecArray | null;
    if ((m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path)) && method === 'POST') {
      if (!actor.jwt) return reply(401, { message: 'A JSON web token could not be decoded' });
      const token = `ghs_stand_in_${m[1]}_${++tokenMints}`;
      const expiresAt = Date.now() + 60 * 60 * 1000;
      tokens.set(token, { installationId: Number(m[1]), expiresAt });
      return reply(201, {
        token,
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions: { issues: 'write', contents: 'read', metadata: 'read' },
        repository_selection: 'all',
      });
    }
    if (path === '/app' && method === 'GET')
      return actor.jwt
        ? reply(200, { id: options.appId, slug: APP_SLUG, name: 'Plazo (test)' })
        : reply(401, { message: 'A JSON web token could not be decoded' });
    if (actor.jwt) return reply(403, { message: 'Resource not accessible by integration' });
    if (path === '/user' && method === 'GET')
      return actor.type === 'User'
        ? reply(200, { login: actor.login, id: 4242, type: 'User' })
        : reply(403, { message: 'Resource not accessible by integration' });

    if (!(m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(path))) return reply(404, { message: 'Not Found' });
    const [, owner, name, rest] = m as unknown as [string, string, string, string];
    const repo = repoOf(owner, name);
    let r: RegExpExecArray | null;
    if ((r = /^\/contents\/(.+)$/.exec(rest)) && method === 'GET') {
      const content = repo.files.get(r[1]!);
      if (content === undefined) return reply(404, { message: 'Not Found' });
      const b64 = Buffer.from(content)
        .toString('base64')
        .replace(/(.{60})/g, '$1\n');
      const sha = Buffer.from(content).toString('hex').slice(0, 40).padEnd(40, '0');
      return reply(200, {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(content),
        name: r[1]!.split('/').pop(),
        path: r[1],
        content: b64,
        sha,
        url: `${base}${path}`,
        git_url: null,
        html_url: null,
        download_url: null,
        _links: { self: `${base}${path}`, git: null, html: null },
      });
    }
    if (rest === '/labels' && method === 'GET') return reply(200, page(repo.labels, url, res));
    if (rest === '/labels' && method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}');
      if (typeof body.name !== 'string' || body.name === '')
        return reply(422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'missing_field', field: 'name' }] });
      if (findLabel(repo, body.name))
        return reply(422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
      const label = makeLabel(owner, name, body.name, body.color ?? 'ededed', body.description ?? null);
      repo.labels.push(label);
      return reply(201, label);
    }
    if ((r = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
      const issue = issueOf(repo, Number(r[1]));
      if (method === 'GET')
        return reply(
          200,
          page(
            issue.labels.map((n) => findLabel(repo, n)!),
            url,
            res,
          ),
        );
      if (method === 'POST') {
        const body = JSON.parse((await readBody(req)) || '{}');
        const names: string[] = Array.isArray(body) ? body : body.labels;
        for (const n of names) {
          // As GitHub does, a label missing from the repository is created with the default colour.
          if (!findLabel(repo, n)) repo.labels.push(makeLabel(owner, name, n));
          if (!issue.labels.some((l) => l.toLowerCase() === n.toLowerCase())) issue.labels.push(findLabel(repo, n)!.name);
        }
        return reply(
          200,
          issue.labels.map((n) => findLabel(repo, n)!),
        );
      }
    }
    if ((r = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(rest)) && method === 'DELETE') {
      const issue = issueOf(repo, Number(r[1]));
      const before = issue.labels.length;
      issue.labels = issue.labels.filter((l) => l.toLowerCase() !== r![2]!.toLowerCase());
      if (issue.labels.length === before) return reply(404, { message: 'Label does not exist' });
      return reply(
        200,
        issue.labels.map((n) => findLabel(repo, n)!),
      );
    }
    if ((r = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = issueOf(repo, Number(r[1]));
      if (method === 'GET') return reply(200, page(issue.comments, url, res));
      if (method === 'POST') {
        const body = JSON.parse((await readBody(req)) || '{}');
        const id = nextId++;
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const comment: Comment = {
          id,
          node_id: `IC_${id}`,
          body: body.body,
          user: { login: actor.login, id: 4242, type: actor.type },
          author_association: 'NONE',
          created_at: now,
          updated_at: now,
          html_url: `https://github.test/${owner}/${name}/issues/${r[1]}#issuecomment-${id}`,
        };
        issue.comments.push(comment);
        return reply(201, comment);
      }
    }
    if ((r = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = [...repo.issues.values()].flatMap((i) => i.comments).find((c) => c.id === Number(r![1]));
      if (!comment) return reply(404, { message: 'Not Found' });
      if (method === 'GET') return reply(200, comment);
      if (method === 'PATCH') {
        comment.body = JSON.parse((await readBody(req)) || '{}').body;
        comment.updated_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        return reply(200, comment);
      }
    }
    return reply(404, { message: 'Not Found' });

    function reply(status: number, body: unknown): number {
      send(res, status, body);
      return status;
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__stand-in/')) {
      control(req, res, url).catch((e) => send(res, 500, { message: String(e) }));
      return;
    }
    api(req, res, url)
      .then((status) => log.push({ method: req.method ?? 'GET', path: url.pathname, status, actor: actorOf(req)?.login ?? null }))
      .catch((e) => send(res, 500, { message: `stand-in error: ${String(e)}` }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A request still held by a `hang` fault must not keep the test run alive.
        server.closeAllConnections();
      }),
  };
}
