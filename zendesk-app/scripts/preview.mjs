// npm run preview:zendesk: the built sidebar in a page that plays Zendesk's part, against the local `npm start` Worker.
// The page frames dist/assets/iframe.html as Zendesk does, answers ZAF calls with a stand-in (dev/zaf-stand-in.js) and sends
// client.request through a proxy here that substitutes the secure token, as Zendesk's proxy does. Without --token it creates
// an installation on the Worker with the development ADMIN_TOKEN (.dev.vars) for a fresh subdomain and uses its token.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const app = fileURLToPath(new URL('..', import.meta.url));
const repo = join(app, '..');
const dist = join(app, 'dist');
const { values: args } = parseArgs({
  options: {
    worker: { type: 'string', default: 'http://127.0.0.1:8787' },
    port: { type: 'string', default: '8790' },
    token: { type: 'string' },
    subdomain: { type: 'string' },
  },
});
const worker = args.worker.replace(/\/+$/, '');
const SDK_URL = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';

function devVar(name) {
  for (const file of ['.dev.vars', '.dev.vars.example']) {
    const path = join(repo, file);
    if (!existsSync(path)) continue;
    const line = readFileSync(path, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}=`));
    if (line) return line.slice(name.length + 1).trim();
  }
  return undefined;
}

async function installationToken() {
  if (args.token) return { token: args.token, subdomain: args.subdomain ?? 'acme' };
  const subdomain = args.subdomain ?? `preview-${randomBytes(3).toString('hex')}`;
  let res;
  try {
    res = await fetch(`${worker}/api/v1/installations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${devVar('ADMIN_TOKEN')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ host: 'zendesk', subdomain }),
    });
  } catch {
    console.error(`No Worker at ${worker}. Start it first with \`npm start\` (or pass --worker <url> --token <installation token>).`);
    process.exit(1);
  }
  if (res.status !== 201) {
    console.error(`The Worker refused to create installation zendesk:${subdomain}: ${res.status} ${await res.text()}`);
    console.error('Pass --token <installation token> (and --subdomain) for an installation you created before.');
    process.exit(1);
  }
  const { token } = await res.json();
  return { token, subdomain };
}

if (!existsSync(join(dist, 'assets', 'iframe.html'))) {
  console.error('zendesk-app/dist is missing: run `npm run build --workspace zendesk-app` first.');
  process.exit(1);
}
const { token, subdomain } = await installationToken();
const ACCOUNT_ID = '424242';
// A signing secret for this installation's webhook, stored by the Worker through the setup step, as the app's admin step does.
const webhookSecret = randomBytes(24).toString('base64');
{
  const res = await fetch(`${worker}/api/v1/zendesk/setup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ webhookSigningSecret: webhookSecret }),
  });
  if (!res.ok)
    console.warn(`The Worker did not store a webhook secret (${res.status} ${await res.text()}): "Send to Plazo" will be refused.`);
}

/** Sends the page's ticket to the Worker as Zendesk's ticket.created event webhook, signed as Zendesk signs it. */
async function sendTicket(req, res) {
  const t = JSON.parse(await readBody(req));
  const id = String(t.id).replace(/\D/g, '') || '1';
  const requester = '9000000001';
  const envelope = {
    account_id: Number(ACCOUNT_ID),
    id: randomUUID(),
    time: new Date().toISOString(),
    type: 'zen:event-type:ticket.created',
    zendesk_event_version: '2022-11-06',
    subject: `zen:ticket:${id}`,
    detail: {
      actor_id: requester,
      created_at: t.createdAt,
      description: t.description,
      id,
      priority: t.priority ? String(t.priority).toUpperCase() : null,
      requester_id: requester,
      status: 'OPEN',
      subject: t.subject,
      tags: [],
      updated_at: t.createdAt,
      via: { channel: 'web_service' },
    },
    event: {},
  };
  const body = JSON.stringify(envelope);
  const timestamp = new Date().toISOString();
  const signature = createHmac('sha256', webhookSecret)
    .update(timestamp + body)
    .digest('base64');
  const sent = await fetch(`${worker}/webhooks/zendesk?subdomain=${subdomain}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zendesk-webhook-signature': signature,
      'x-zendesk-webhook-signature-timestamp': timestamp,
      'x-zendesk-account-id': ACCOUNT_ID,
    },
    body,
  });
  const answer = await sent.text();
  if (!sent.ok) return res.writeHead(sent.status, { 'content-type': 'application/json' }).end(answer);
  // The Worker evaluates from its queue: wait (at most 15 s) until it has an evaluation to show.
  for (let i = 0; i < 60; i++) {
    const seen = await fetch(`${worker}/api/v1/zendesk/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } });
    if (seen.status === 200) return res.writeHead(200, { 'content-type': 'application/json' }).end(await seen.text());
    await new Promise((r) => setTimeout(r, 250));
  }
  res.writeHead(504, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not-evaluated', detail: answer } }));
}
const standIn = readFileSync(join(app, 'dev', 'zaf-stand-in.js'), 'utf8');
const hostPage = readFileSync(join(app, 'dev', 'preview.html'), 'utf8');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.json': 'application/json',
};

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** Zendesk's request proxy: only the Worker's origin, the secure token substituted here, the answer's status passed on. */
async function proxy(req, res) {
  const options = JSON.parse(await readBody(req));
  const target = new URL(options.url);
  if (target.origin !== new URL(worker).origin) {
    res.writeHead(502, { 'x-zaf-status': '0' }).end();
    return;
  }
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([k, v]) => [k, String(v).replaceAll('{{setting.plazoToken}}', token)]),
  );
  if (options.contentType) headers['content-type'] = options.contentType;
  try {
    const answer = await fetch(target, {
      method: options.type ?? 'GET',
      headers,
      body: options.type === 'POST' ? options.data : undefined,
    });
    const text = await answer.text();
    res.writeHead(answer.status, { 'content-type': 'application/json', 'x-zaf-status': String(answer.status) }).end(text);
  } catch {
    res.writeHead(502, { 'x-zaf-status': '0' }).end();
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/__zaf_proxy') return proxy(req, res);
  if (req.method === 'POST' && url.pathname === '/__send_ticket') return sendTicket(req, res);
  if (url.pathname === '/') {
    const config = { workerUrl: worker, subdomain };
    res
      .writeHead(200, { 'content-type': types['.html'] })
      .end(hostPage.replace('/*PREVIEW_CONFIG*/', `window.__preview = ${JSON.stringify(config)};`));
    return;
  }
  // The stand-in reads its ticket and user from the host page, which plays the rest of Zendesk.
  if (url.pathname === '/zaf_sdk.min.js') {
    res.writeHead(200, { 'content-type': types['.js'] }).end(`window.__zafStandIn = window.parent.__zafConfig();\n${standIn}`);
    return;
  }
  if (url.pathname.startsWith('/apps/plazo/')) {
    const file = normalize(join(dist, url.pathname.slice('/apps/plazo/'.length)));
    if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
    let body = readFileSync(file);
    // The shipped page loads the SDK from Zendesk's CDN; here the stand-in answers instead.
    if (file.endsWith('iframe.html')) body = body.toString('utf8').replace(SDK_URL, '/zaf_sdk.min.js');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    return;
  }
  res.writeHead(404).end();
});
server.listen(Number(args.port), '127.0.0.1', () => {
  console.log(`Plazo sidebar preview: http://127.0.0.1:${args.port}/  (Worker ${worker}, installation zendesk:${subdomain})`);
});
