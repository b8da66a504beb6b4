import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { readJsonRequest } from '../stand-in/read-json-request.js';

/**
 * A stand-in for Jira Cloud's REST API v3 and Forge's JWKS on loopback, following the documented shapes of the calls Plazo
 * makes. Sites live under a prefix: /ex/jira/<cloudId> (a Forge app's apiBaseUrl, Bearer system token) or /site/<host>
 * (admin webhooks, Basic email:apiToken). GET/PUT /rest/api/3/issue/{id} (update.labels add/remove), PUT
 * /rest/api/3/issue/{id}/properties/{key}, POST/PUT /rest/api/3/issue/{id}/comment[/{id}], GET /rest/api/3/myself, and the
 * admin page's lists. 429 with Retry-After and 5xx through faults. Tests steer it through /__stand-in/* and read what it holds;
 * a test that rotates keys gets its own JWKS (?set=<name>) so other files' cached keys and fetch counts are untouched.
 */

type Issue = {
  id: string;
  key: string;
  priority: string | null;
  labels: string[];
  duedate: string | null;
  description: unknown;
  properties: Record<string, unknown>;
  comments: { id: string; body: unknown; author: string }[];
};
type Role = { id: number; name: string; users: string[]; groups: { name: string; groupId: string }[] };
type Site = {
  auth: string;
  accountId: string;
  issues: Map<string, Issue>;
  /** Each user's groups and the site's project roles (every project has the same actors here). */
  groups: Record<string, { name: string; groupId: string }[]>;
  roles: Role[];
};
type Fault = { prefix: string; method: string; path: RegExp; status: number; times: number; headers: Record<string, string> };
type Logged = { prefix: string; method: string; path: string; status: number; body: unknown };

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number => {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
  } else {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
    res.end(JSON.stringify(body));
  }
  return status;
};

export async function startJiraStandIn(port = 0) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'plazo-test-key';
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  const sites = new Map<string, Site>();
  let faults: Fault[] = [];
  const log: Logged[] = [];
  let jwksFetches = 0;
  /** Further key sets, served at /.well-known/jwks.json?set=<name>: a test rotates its own set and counts its own fetches. */
  const keySets = new Map<string, { publicJwks: object[]; fetches: number }>();
  const addKey = async (set: { publicJwks: object[] }) => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const newKid = `plazo-test-key-${crypto.randomUUID()}`;
    set.publicJwks.push({ ...(await exportJWK(pair.publicKey)), kid: newKid, alg: 'RS256', use: 'sig' });
    return { ...(await exportJWK(pair.privateKey)), kid: newKid, alg: 'RS256' };
  };
  let nextComment = 10_000;

  const issueView = (base: string, i: Issue, properties: string[]) => ({
    id: i.id,
    key: i.key,
    self: `${base}/rest/api/3/issue/${i.id}`,
    fields: {
      priority: i.priority ? { id: '3', name: i.priority, self: `${base}/rest/api/3/priority/3` } : null,
      labels: i.labels,
      duedate: i.duedate,
      description: i.description,
      status: { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
    },
    properties: Object.fromEntries(properties.filter((p) => Object.hasOwn(i.properties, p)).map((p) => [p, i.properties[p]])),
  });
  const commentView = (base: string, issueId: string, c: Issue['comments'][number]) => ({
    id: c.id,
    self: `${base}/rest/api/3/issue/${issueId}/comment/${c.id}`,
    author: { accountId: c.author, displayName: 'Plazo', active: true },
    body: c.body,
    created: '2026-12-06T10:00:00.000+0000',
    updated: '2026-12-06T10:00:00.000+0000',
    jsdPublic: true,
  });

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body = (req.method === 'GET' ? {} : await readJsonRequest(req)) as Record<string, any>;
    if (url.pathname === '/__stand-in/site') {
      const roles = [{ id: 10002, name: 'Developers', users: [], groups: [] }];
      sites.set(body.prefix, { auth: body.auth, accountId: body.accountId, issues: new Map(), groups: {}, roles });
      send(res, 204, undefined);
    } else if (url.pathname === '/__stand-in/directory') {
      const site = sites.get(body.prefix)!;
      site.groups = body.groups ?? {};
      site.roles = body.roles ?? [];
      send(res, 204, undefined);
    } else if (url.pathname === '/__stand-in/issue') {
      const site = sites.get(body.prefix)!;
      site.issues.set(String(body.id), {
        id: String(body.id),
        key: body.key,
        priority: body.priority ?? 'Medium',
        labels: body.labels ?? [],
        duedate: null,
        description: body.description ?? null,
        properties: {},
        comments: [],
      });
      send(res, 204, undefined);
    } else if (url.pathname === '/__stand-in/state') {
      const issue = sites.get(url.searchParams.get('prefix') ?? '')?.issues.get(url.searchParams.get('id') ?? '');
      send(res, issue ? 200 : 404, issue ?? { error: 'no such issue' });
    } else if (url.pathname === '/__stand-in/faults') {
      faults.push({
        ...body,
        path: new RegExp(body.path),
        times: body.times ?? 1,
        headers: body.headers ?? {},
        method: body.method ?? 'ANY',
      } as Fault);
      send(res, 204, undefined);
    } else if (url.pathname === '/__stand-in/log') {
      send(res, 200, {
        requests: log.filter((l) => !url.searchParams.get('prefix') || l.prefix === url.searchParams.get('prefix')),
        jwksFetches,
      });
    } else if (url.pathname === '/__stand-in/jwks/rotate') {
      // Forge publishes the next key beside the current one: the set gains a key with a new kid, earlier tokens still verify.
      let set = keySets.get(body.set);
      if (!set) keySets.set(body.set, (set = { publicJwks: [], fetches: 0 }));
      send(res, 200, { privateJwk: await addKey(set) });
    } else if (url.pathname === '/__stand-in/jwks/fetches') {
      send(res, 200, { fetches: keySets.get(url.searchParams.get('set') ?? '')?.fetches ?? 0 });
    } else if (url.pathname === '/__stand-in/reset-faults') {
      faults = [];
      send(res, 204, undefined);
    } else send(res, 404, { error: 'unknown control' });
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const at = url.pathname.indexOf('/rest/api/3/');
    if (at < 0) return send(res, 404, { errorMessages: ['Not found'] });
    const prefix = url.pathname.slice(0, at);
    const path = url.pathname.slice(at + '/rest/api/3'.length);
    const base = `http://${req.headers.host}${prefix}`;
    const site = sites.get(prefix);
    if (!site || req.headers.authorization !== site.auth)
      return send(res, 401, { errorMessages: ['Client must be authenticated to access this resource.'] });
    const method = req.method ?? 'GET';
    const fault = faults.find(
      (f) => f.prefix === prefix && (f.method === 'ANY' || f.method === method) && f.path.test(path) && f.times > 0,
    );
    if (fault) {
      fault.times -= 1;
      await readJsonRequest(req);
      return send(res, fault.status, { errorMessages: [`stand-in fault ${fault.status}`] }, fault.headers);
    }
    const body = (await readJsonRequest(req)) as Record<string, any> | null;
    log.push({ prefix, method, path, status: 0, body });
    const entry = log[log.length - 1]!;
    const answer = (status: number, value: unknown) => {
      entry.status = status;
      return send(res, status, value);
    };
    // The Forge app's system token carries the manifest's scopes (read:jira-work, write:jira-work, read:jira-user): calls that
    // need manage:jira-configuration are refused as Jira refuses them.
    const needsConfigurationScope = method === 'GET' && (path === '/priority/search' || path === '/role');
    if (needsConfigurationScope && site.auth.startsWith('Bearer '))
      return answer(401, { code: 401, message: 'Unauthorized; scope does not match' });
    if (method === 'GET' && path === '/priority')
      return answer(
        200,
        ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, i) => ({
          id: String(i + 1),
          name,
          self: `${base}/rest/api/3/priority/${i + 1}`,
        })),
      );
    if (method === 'GET' && path === '/myself')
      return answer(200, { accountId: site.accountId, accountType: 'app', active: true, displayName: 'Plazo' });
    if (method === 'GET' && path === '/priority/search')
      return answer(200, {
        startAt: 0,
        maxResults: 100,
        total: 5,
        isLast: true,
        values: ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, i) => ({
          id: String(i + 1),
          name,
          self: `${base}/rest/api/3/priority/${i + 1}`,
        })),
      });
    if (method === 'GET' && path === '/status')
      return answer(200, [
        { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
        { id: '10001', name: 'Waiting for customer', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' } },
        { id: '10002', name: 'Done', statusCategory: { id: 3, key: 'done', name: 'Done' } },
      ]);
    if (method === 'GET' && path === '/project/search')
      return answer(200, { startAt: 0, maxResults: 100, total: 1, isLast: true, values: [{ id: '10000', key: 'SUP', name: 'Support' }] });
    if (method === 'GET' && path === '/role')
      return answer(200, [{ id: 10002, name: 'Developers', self: `${base}/rest/api/3/role/10002` }]);
    if (method === 'GET' && path === '/groups/picker')
      return answer(200, {
        header: 'Showing 1 of 1 matching groups',
        total: 1,
        groups: [{ groupId: 'g-1', name: 'support-agents', html: 'support-agents' }],
      });

    if (method === 'GET' && path === '/user/groups') {
      const groups = site.groups[url.searchParams.get('accountId') ?? ''] ?? [];
      return answer(
        200,
        groups.map((g) => ({ ...g, self: `${base}/rest/api/3/group?groupId=${g.groupId}` })),
      );
    }
    const project = /^\/project\/([A-Z][A-Z0-9_]*)\/(roledetails|role\/(\d+))$/.exec(path);
    if (method === 'GET' && project) {
      const roleView = (r: Role) => ({ id: r.id, name: r.name, self: `${base}/rest/api/3/project/${project[1]}/role/${r.id}` });
      if (project[2] === 'roledetails')
        return answer(
          200,
          site.roles.map((r) => ({ ...roleView(r), roleConfigurable: true })),
        );
      const role = site.roles.find((r) => r.id === Number(project[3]));
      if (!role) return answer(404, { errorMessages: ['Can not retrieve a role actor for a null project role.'] });
      const users = role.users.map((accountId, i) => ({
        id: i + 1,
        type: 'atlassian-user-role-actor',
        displayName: accountId,
        actorUser: { accountId },
      }));
      const groups = role.groups.map((g, i) => ({
        id: 100 + i,
        type: 'atlassian-group-role-actor',
        name: g.name,
        displayName: g.name,
        actorGroup: { name: g.name, displayName: g.name, groupId: g.groupId },
      }));
      return answer(200, { ...roleView(role), description: role.name, actors: [...users, ...groups] });
    }

    const match = /^\/issue\/(\d+)(?:\/(properties|comment)(?:\/([^/]+))?)?$/.exec(path);
    const issue = match ? site.issues.get(match[1]!) : undefined;
    if (!match || !issue) return answer(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
    const [, , sub, subId] = match;
    if (!sub && method === 'GET') return answer(200, issueView(base, issue, (url.searchParams.get('properties') ?? '').split(',')));
    if (!sub && method === 'PUT') {
      const fields = body?.fields ?? {};
      if (fields.priority) issue.priority = fields.priority.name;
      if ('duedate' in fields) issue.duedate = fields.duedate;
      for (const op of body?.update?.labels ?? []) {
        if (op.add && !issue.labels.includes(op.add)) issue.labels.push(op.add);
        if (op.remove) issue.labels = issue.labels.filter((l) => l !== op.remove);
      }
      return answer(204, undefined);
    }
    if (sub === 'properties' && method === 'PUT' && subId) {
      const created = !Object.hasOwn(issue.properties, subId);
      issue.properties[subId] = body;
      return answer(created ? 201 : 200, undefined);
    }
    if (sub === 'comment' && method === 'POST' && !subId) {
      const comment = { id: String(nextComment++), body: body?.body, author: site.accountId };
      issue.comments.push(comment);
      return answer(201, commentView(base, issue.id, comment));
    }
    if (sub === 'comment' && method === 'PUT' && subId) {
      const comment = issue.comments.find((c) => c.id === subId);
      if (!comment) return answer(404, { errorMessages: ['Can not find a comment for the id'] });
      comment.body = body?.body;
      return answer(200, commentView(base, issue.id, comment));
    }
    return answer(405, { errorMessages: ['Method not allowed'] });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = async () => {
      const setName = url.searchParams.get('set');
      if (url.pathname === '/.well-known/jwks.json' && setName !== null) {
        const set = keySets.get(setName);
        if (set) set.fetches += 1;
        send(res, set ? 200 : 404, set ? { keys: set.publicJwks } : { error: 'no such key set' });
      } else if (url.pathname === '/.well-known/jwks.json') {
        jwksFetches += 1;
        send(res, 200, { keys: [publicJwk] });
      } else if (url.pathname.startsWith('/__stand-in/')) await control(req, res, url);
      else await api(req, res, url);
    };
    handle().catch((error) => send(res, 500, { errorMessages: [String(error)] }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    privateJwk: JSON.stringify(privateJwk),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
