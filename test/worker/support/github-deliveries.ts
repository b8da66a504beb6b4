import { exports } from 'cloudflare:workers';
import examples from '@octokit/webhooks-examples/api.github.com/index.json';
import { sign } from '@octokit/webhooks-methods';

export const WEBHOOK_SECRET = 'test-webhook-secret';

type Example = { name: string; examples: Record<string, unknown>[] };

/** A real payload from @octokit/webhooks-examples, copied so a test may change it. */
export function example(
  event: string,
  action: string | null,
  pick: (p: Record<string, unknown>) => boolean = () => true,
): Record<string, any> {
  const found = (examples as unknown as Example[])
    .find((e) => e.name === event)
    ?.examples.find((p) => (action === null || p.action === action) && pick(p));
  if (!found) throw new Error(`no example for ${event}.${action}`);
  return structuredClone(found) as Record<string, any>;
}

/** An instant as GitHub writes it (whole seconds, "Z"), `agoMs` before now. */
export const githubTime = (agoMs = 0) => new Date(Date.now() - agoMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** A minute ago: a new issue's clocks have started and nothing is due yet. */
export const recent = () => githubTime(60_000);

let counter = 0;
/** Ids no other test uses, so tests share storage and the stand-in without meeting. */
export function uniqueIds() {
  counter += 1;
  const n = (Date.now() % 1_000_000_000) + counter * 7 + Math.floor(Math.random() * 1000);
  return { issueId: 1_000_000_000 + n, number: (n % 9000) + 1, repoId: 2_000_000_000 + n, repo: `hello-world-${n}`, owner: 'Codertocat' };
}
export type Ids = ReturnType<typeof uniqueIds>;

/** Points a real example at a fresh issue and repository; `createdAt` controls its clocks. */
export function onIssue<T extends Record<string, any>>(
  payload: T,
  ids: Ids,
  changes: { title?: string; body?: string; createdAt?: string; labels?: string[]; installationId?: number } = {},
): T {
  const p = structuredClone(payload) as Record<string, any>;
  p.repository = {
    ...p.repository,
    id: ids.repoId,
    name: ids.repo,
    full_name: `${ids.owner}/${ids.repo}`,
    owner: { ...p.repository.owner, login: ids.owner },
  };
  const created = changes.createdAt ?? p.issue.created_at;
  p.issue = {
    ...p.issue,
    id: ids.issueId,
    number: ids.number,
    title: changes.title ?? p.issue.title,
    body: changes.body ?? p.issue.body,
    created_at: created,
    updated_at: p.issue.updated_at && Date.parse(p.issue.updated_at) > Date.parse(created) ? p.issue.updated_at : created,
    labels: (changes.labels ?? []).map((name, i) => ({
      id: 900 + i,
      node_id: `L${i}`,
      url: '',
      name,
      color: 'ededed',
      default: false,
      description: null,
    })),
  };
  if (changes.installationId !== undefined)
    p.installation = { id: changes.installationId, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  else delete p.installation;
  return p as T;
}

export function deliveryId(): string {
  return crypto.randomUUID();
}

/** GitHub's signature of bytes octokit cannot sign (empty, not UTF-8): the same HMAC-SHA256, through WebCrypto. */
async function signBytes(secret: string, body: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** POSTs a delivery signed as GitHub signs it: HMAC-SHA256 of the exact body, hex, "sha256=" prefixed. */
export async function deliver(
  event: string,
  payload: unknown,
  options: { id?: string; secret?: string; body?: string | Uint8Array } = {},
): Promise<Response> {
  const body = options.body ?? JSON.stringify(payload);
  const secret = options.secret ?? WEBHOOK_SECRET;
  return exports.default.fetch('http://plazo.test/webhooks/github', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/044aadd',
      'x-github-event': event,
      'x-github-delivery': options.id ?? deliveryId(),
      'x-github-hook-id': '292430182',
      'x-hub-signature-256':
        typeof body === 'string' && body !== ''
          ? await sign(secret, body)
          : await signBytes(secret, typeof body === 'string' ? new Uint8Array(0) : body),
    },
    body,
  });
}
