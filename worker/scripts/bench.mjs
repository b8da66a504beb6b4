// npm run bench:worker — the Worker under wrangler dev on loopback (fresh local D1 and queue, no GitHub credentials, so
// write-backs are dry runs stored in D1):
//   1. 202 → write-back: from a delivery's 202 until its write-back row shows in the admin API, p50/p99, one delivery at
//      a time and in bursts of 10, beside the admin API's own round trip (the floor of what polling can see);
//   2. the costliest requests Plazo accepts beside ordinary ones (wall time on an idle server), and GET /healthz while
//      the costliest run back to back;
//   3. throughput: GET /healthz beside signed issues.opened deliveries, with autocannon.
// The bench writes the secrets it signs with into an env file that wrangler dev is started with (--env-file, which
// replaces .dev.vars), so the server checks exactly what the bench sends. A figure made of failed requests is never
// printed: any unexpected answer stops the bench with what to do.
// Options: --duration <s> (default 10), --connections <n> (default 10), --port <n> (default 8797), --deliveries <n> (default 40).
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freshWords } from '../../core/bench/fresh-words.mjs';
import { applyLocalMigrations, root, wranglerSpawn } from './wrangler-local.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 10);
const port = arg('port', 8797);
const deliveries = arg('deliveries', 40);
const base = `http://127.0.0.1:${port}`;

/** Limits the requests below are built against (worker/src/http/body-limit.ts, GitHub's label cap). */
const WEBHOOK_MAX_BYTES = 1024 * 1024;
const EVALUATE_MAX_BYTES = 256 * 1024;
const GITHUB_MAX_LABELS = 100;

/** A failure the reader can act on: the bench stops with it instead of printing a figure. */
class BenchError extends Error {}

const secret = `bench-webhook-${randomUUID()}`;
const adminToken = `bench-admin-${randomUUID()}`;
const persist = mkdtempSync(join(tmpdir(), 'plazo-bench-'));
const envFile = join(persist, 'bench.env');
writeFileSync(envFile, `GITHUB_WEBHOOK_SECRET=${secret}\nADMIN_TOKEN=${adminToken}\n`);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const median = (xs) => quantile(xs, 0.5);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function waitForHealth(timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await sleep(250);
  }
  throw new BenchError(`wrangler dev did not answer on ${base}/healthz within ${timeoutMs / 1000} s (see its output above)`);
}

// A real issues.opened example; each delivery gets its own issue id and delivery id, and is signed like GitHub signs it.
const examples = JSON.parse(readFileSync(join(root, 'node_modules/@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'));
const openedExample = examples.find((e) => e.name === 'issues').examples.find((p) => p.action === 'opened');
let issueSeq = 0;

function openedPayload(changes = {}) {
  const p = structuredClone(openedExample);
  issueSeq += 1;
  p.issue.id = 5_000_000_000 + issueSeq;
  p.issue.number = issueSeq;
  p.issue.created_at = p.issue.updated_at = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  p.issue.labels = [];
  Object.assign(p.issue, changes);
  return p;
}

const sign = (body) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const deliveryHeaders = (body, event = 'issues') => ({
  'content-type': 'application/json',
  'x-github-event': event,
  'x-github-delivery': randomUUID(),
  'x-hub-signature-256': sign(body),
});
const adminHeaders = { authorization: `Bearer ${adminToken}` };

/** Sends a request, checks its status, and returns its wall time (ms) and JSON answer. */
async function timed(title, path, init, expected) {
  const start = performance.now();
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  const elapsed = performance.now() - start;
  if (res.status !== expected) {
    const hint =
      res.status === 401 ? ` The server did not accept the bench's credentials: is another wrangler dev on port ${port}? (--port)` : '';
    throw new BenchError(`${title}: expected ${expected}, got ${res.status} ${text.slice(0, 300)}.${hint}`);
  }
  return { ms: elapsed, json: text ? JSON.parse(text) : null };
}

async function deliver(payload, title = 'signed issues.opened') {
  const body = JSON.stringify(payload);
  const { ms: elapsed, json } = await timed(title, '/webhooks/github', { method: 'POST', headers: deliveryHeaders(body), body }, 202);
  if (json.status !== 'accepted') throw new BenchError(`${title}: answered 202 but ${JSON.stringify(json)}`);
  return { ms: elapsed, key: json.ticket, at: performance.now() };
}

/** Polls the admin API until the ticket's write-back row shows; returns when it did and each poll's round trip. */
async function writeBackShown(key) {
  const polls = [];
  for (;;) {
    const { ms: rtt, json } = await timed(
      'GET /api/v1/tickets/:key',
      `/api/v1/tickets/${encodeURIComponent(key)}`,
      { headers: adminHeaders },
      200,
    );
    polls.push(rtt);
    if (json.writeBacks.length > 0 && json.ticket.appliedVersion >= json.ticket.version) return { at: performance.now(), polls };
    // A short pause, so that pollers do not crowd out the queue consumer they wait for.
    await sleep(2);
  }
}

/** Latency from each delivery's 202 to its write-back row, `burst` deliveries sent at once, `rounds` times. */
async function writeBackLatency(burst, rounds) {
  const latencies = [];
  const polls = [];
  for (let r = 0; r < rounds; r++) {
    const sent = await Promise.all(Array.from({ length: burst }, () => deliver(openedPayload())));
    const shown = await Promise.all(sent.map((s) => writeBackShown(s.key)));
    for (const [i, s] of sent.entries()) latencies.push(shown[i].at - s.at);
    for (const s of shown) polls.push(...s.polls);
  }
  return { latencies, polls };
}

const evaluateInit = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const ticket = (body) => ({ id: 'T-bench', createdAt: new Date(Date.now() - 3_600_000).toISOString(), subject: 'Consulta', body });
const ORDINARY = 'Buenos días, el punto de venta está detenido y no podemos facturar desde las 8. Ya reiniciamos la caja.';

/** The median wall time of `times` requests built by `make` (each its own input), after one to warm up. */
async function medianOf(times, make) {
  await make(-1);
  const all = [];
  for (let i = 0; i < times; i++) all.push(await make(i));
  return median(all);
}

/** The largest body of fresh words that keeps the request within `maxBytes` once `wrap` puts it in JSON. */
function fill(maxBytes, wrap, seed) {
  const overhead = JSON.stringify(wrap('')).length;
  return wrap(freshWords(maxBytes - overhead - 64, seed));
}

/** websaas with rules added until one more fails the compile limits: the costliest inline policy accepted. */
async function heaviestPolicy() {
  const { json: websaas } = await timed('GET /api/v1/policies/websaas', '/api/v1/policies/websaas', {}, 200);
  const lexicon = { ...websaas.triage.lexicon, many: 'bcdfghjk'.split('').map((l) => `${l}aa|${l}ee`) };
  const rule = (i) => ({ id: `heavy-${i}`, priority: 'normal', patterns: ['@many @many @many @many'] });
  let accepted = null;
  for (let n = 1; ; n++) {
    const policy = {
      ...websaas,
      id: 'heavy',
      triage: { ...websaas.triage, lexicon, priorities: [...websaas.triage.priorities, ...Array.from({ length: n }, (_, i) => rule(i))] },
    };
    const res = await fetch(`${base}/api/v1/evaluate`, evaluateInit({ policy, ticket: ticket(ORDINARY) }));
    const answer = await res.json();
    if (res.status === 200) accepted = policy;
    else if (res.status === 400 && answer.error.code === 'invalid-policy' && accepted) return { websaas, heavy: accepted, rules: n - 1 };
    else throw new BenchError(`inline policy with ${n} extra rules: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
  }
}

async function costliestRequests() {
  const rows = [];
  const add = (label, value, baseline) => rows.push({ label, value, baseline });
  const { websaas, heavy, rules } = await heaviestPolicy();

  const evalOrdinary = await medianOf(15, () =>
    timed('evaluate (ordinary)', '/api/v1/evaluate', evaluateInit({ policy: 'websaas', ticket: ticket(ORDINARY) }), 200).then((r) => r.ms),
  );
  add('POST /api/v1/evaluate, ordinary ticket (baseline)', evalOrdinary);
  const largest = (seed) => fill(EVALUATE_MAX_BYTES, (body) => ({ policy: 'websaas', ticket: ticket(body) }), seed);
  add(
    `POST /api/v1/evaluate, ${Math.round(EVALUATE_MAX_BYTES / 1024)} KiB of words never seen (20,000 characters read)`,
    await medianOf(15, (i) => timed('evaluate (largest body)', '/api/v1/evaluate', evaluateInit(largest(10 + i)), 200).then((r) => r.ms)),
    evalOrdinary,
  );
  add(
    'POST /api/v1/evaluate, inline copy of websaas (compiled per request)',
    await medianOf(7, () =>
      timed('evaluate (inline copy)', '/api/v1/evaluate', evaluateInit({ policy: websaas, ticket: ticket(ORDINARY) }), 200).then(
        (r) => r.ms,
      ),
    ),
    evalOrdinary,
  );
  const heavyRequest = () =>
    timed('evaluate (inline heaviest)', '/api/v1/evaluate', evaluateInit({ policy: heavy, ticket: ticket(ORDINARY) }), 200);
  add(
    `POST /api/v1/evaluate, inline policy at the compile limit (websaas + ${rules} rules)`,
    await medianOf(7, () => heavyRequest().then((r) => r.ms)),
    evalOrdinary,
  );

  const hookOrdinary = await medianOf(15, () => deliver(openedPayload()).then((r) => r.ms));
  add('POST /webhooks/github, ordinary issues.opened (baseline)', hookOrdinary);
  const labels = Array.from({ length: GITHUB_MAX_LABELS }, (_, i) => ({ name: `area ${i}` }));
  const largestDelivery = (seed) => fill(WEBHOOK_MAX_BYTES, (body) => openedPayload({ labels, body }), seed);
  const largeWriteBacks = [];
  add(
    `POST /webhooks/github, ${GITHUB_MAX_LABELS} labels and ~1 MiB of body`,
    await medianOf(7, async (i) => {
      const sent = await deliver(largestDelivery(100 + i), 'largest issues.opened');
      largeWriteBacks.push((await writeBackShown(sent.key)).at - sent.at);
      return sent.ms;
    }),
    hookOrdinary,
  );
  add('  its write-back: 202 → row shown (queue, evaluation of the first 20,000 characters)', median(largeWriteBacks.slice(1)));
  const tooMany = openedPayload({ labels: Array.from({ length: 20_000 }, (_, i) => ({ name: `l${i}` })) });
  const tooManyBody = JSON.stringify(tooMany);
  add(
    'POST /webhooks/github, 20,000 labels (refused: 400 invalid-payload)',
    await medianOf(7, () =>
      timed('20,000 labels', '/webhooks/github', { method: 'POST', headers: deliveryHeaders(tooManyBody), body: tooManyBody }, 400).then(
        (r) => r.ms,
      ),
    ),
    hookOrdinary,
  );

  // GET /healthz while two clients send the costliest accepted request back to back.
  const idle = await healthz(3);
  let stop = false;
  const loops = [0, 1].map(async () => {
    while (!stop) await heavyRequest();
  });
  const busy = await healthz(3);
  stop = true;
  await Promise.all(loops);
  return { rows, idle, busy };
}

/** autocannon on GET /healthz, one connection; refuses failed requests. */
async function healthz(seconds) {
  const result = await run('GET /healthz', { connections: 1, duration: seconds, requests: [{ method: 'GET', path: '/healthz' }] });
  return result.latency;
}

/** One autocannon run; a run with any failed request is an error, never a figure. */
function run(title, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration, ...options }, (error, result) => {
      if (error) return reject(error);
      const failed = result.non2xx + result.errors + result.timeouts;
      if (failed > 0) {
        const statuses = Object.entries(result.statusCodeStats ?? {})
          .map(([code, s]) => `${code}: ${s.count}`)
          .join(', ');
        return reject(
          new BenchError(
            `${title}: ${failed} of ${result.requests.total} requests failed (status codes ${statuses || 'none'}; ` +
              `${result.errors} connection errors, ${result.timeouts} timeouts). No figure is printed for it: a rate of failures ` +
              'measures nothing. Check the wrangler dev output above, that nothing else listens on the port (--port), and retry.',
          ),
        );
      }
      resolve(result);
    });
  });
}

function signedOpenedRequests() {
  return {
    method: 'POST',
    path: '/webhooks/github',
    setupRequest: (req) => {
      const body = JSON.stringify(openedPayload());
      return { ...req, body, headers: deliveryHeaders(body) };
    },
  };
}

applyLocalMigrations(['--persist-to', persist]);
const dev = wranglerSpawn(
  [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persist,
    '--env-file',
    envFile,
    '--show-interactive-dev-session=false',
    '--log-level',
    'error',
  ],
  ['ignore', 'ignore', 'pipe'],
);
let devErrors = '';
dev.stderr.on('data', (chunk) => (devErrors += chunk));
const stopped = new Promise((resolve) => dev.on('exit', resolve));
let report;
try {
  await waitForHealth(60_000);
  // Before any figure: the server takes the bench's signature and admin token.
  await deliver(openedPayload(), 'first signed delivery');
  await timed('GET /api/v1/tickets (admin token)', '/api/v1/tickets?limit=1', { headers: adminHeaders }, 200);

  const single = await writeBackLatency(1, deliveries);
  const bursts = await writeBackLatency(10, Math.max(1, Math.round(deliveries / 10)));
  const costly = await costliestRequests();
  await run('warm-up', { duration: 2, requests: [{ method: 'GET', path: '/healthz' }] });
  const throughput = [
    { title: 'GET /healthz', result: await run('GET /healthz', { requests: [{ method: 'GET', path: '/healthz' }] }) },
    {
      title: 'POST /webhooks/github (signed issues.opened)',
      result: await run('POST /webhooks/github', { requests: [signedOpenedRequests()] }),
    },
  ];
  report = { single, bursts, costly, throughput };
} catch (error) {
  if (devErrors) process.stderr.write(devErrors);
  process.stderr.write(`\nbench:worker stopped: ${error instanceof BenchError ? error.message : error.stack}\n`);
  process.exitCode = 1;
} finally {
  dev.kill('SIGTERM');
  await stopped;
  rmSync(persist, { recursive: true, force: true });
}

if (report) {
  const { single, bursts, costly, throughput } = report;
  const polls = [...single.polls, ...bursts.polls];
  console.log(`\n1. 202 → write-back row shown in the admin API (wrangler dev on ${base}, local D1 + queue, dry-run write-backs)\n`);
  console.log('deliveries'.padEnd(34), 'n'.padStart(5), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8));
  const row = (label, xs) =>
    console.log(label.padEnd(34), String(xs.length).padStart(5), ms(quantile(xs, 0.5)).padStart(8), ms(quantile(xs, 0.99)).padStart(8));
  row('one at a time', single.latencies);
  row('bursts of 10 at once', bursts.latencies);
  row('baseline: one admin API poll', polls);

  console.log('\n2. The costliest requests accepted, beside ordinary ones (wall ms on an idle server, median)\n');
  console.log('request'.padEnd(92), 'ms'.padStart(7), '× baseline'.padStart(11));
  for (const r of costly.rows) {
    console.log(r.label.padEnd(92), ms(r.value).padStart(7), (r.baseline ? `${(r.value / r.baseline).toFixed(1)}` : '').padStart(11));
  }
  console.log(
    `\nGET /healthz, p50 / p99 ms: idle ${costly.idle.p50} / ${costly.idle.p99}; while two clients send the costliest request ` +
      `back to back ${costly.busy.p50} / ${costly.busy.p99}`,
  );

  console.log(`\n3. Throughput (autocannon: ${connections} connections, ${duration} s each)\n`);
  console.log('endpoint'.padEnd(46), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), '2xx'.padStart(8));
  for (const { title, result } of throughput) {
    console.log(
      title.padEnd(46),
      result.requests.average.toFixed(0).padStart(8),
      String(result.latency.p50).padStart(8),
      String(result.latency.p99).padStart(8),
      String(result['2xx']).padStart(8),
    );
  }
  console.log('\nThe deployable bundle and start-up time: npm run bench:bundle');
}
