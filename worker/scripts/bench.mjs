// npm run bench:worker — signed issues.opened deliveries beside GET /healthz, with autocannon against
// wrangler dev on loopback (fresh local D1 and queue), then the deployable bundle's gzipped size.
// Options: --duration <s> (default 10), --connections <n> (default 10), --port <n> (default 8797).
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { root, wranglerSpawn, wranglerSync } from './wrangler-local.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 10);
const port = arg('port', 8797);
const base = `http://127.0.0.1:${port}`;

/** The webhook secret wrangler dev will use: .dev.vars if present, else the committed example. */
function webhookSecret() {
  const file = existsSync(join(root, '.dev.vars')) ? '.dev.vars' : '.dev.vars.example';
  const line = readFileSync(join(root, file), 'utf8').split('\n').find((l) => l.startsWith('GITHUB_WEBHOOK_SECRET='));
  return { file, secret: line ? line.slice('GITHUB_WEBHOOK_SECRET='.length).trim().replace(/^"|"$/g, '') : '' };
}

async function waitForHealth(timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer on ${base}/healthz`);
}

function run(title, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration, ...options }, (error, result) => (error ? reject(error) : resolve({ title, result })));
  });
}

const { file, secret } = webhookSecret();
if (!secret) throw new Error(`no GITHUB_WEBHOOK_SECRET in ${file}`);
const persist = mkdtempSync(join(tmpdir(), 'plazo-bench-'));
wranglerSync(['d1', 'migrations', 'apply', 'plazo', '--local', '--persist-to', persist]);
const dev = wranglerSpawn(['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persist, '--show-interactive-dev-session=false', '--log-level', 'error'], ['ignore', 'ignore', 'pipe']);
let devErrors = '';
dev.stderr.on('data', (chunk) => (devErrors += chunk));
const stopped = new Promise((resolve) => dev.on('exit', resolve));
const results = [];
try {
  await waitForHealth(60_000).catch((error) => {
    console.error(devErrors);
    throw error;
  });

  // A real issues.opened example; each request gets its own issue id and delivery id, signed like GitHub.
  const examples = JSON.parse(readFileSync(join(root, 'node_modules/@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'));
  const opened = structuredClone(examples.find((e) => e.name === 'issues').examples.find((p) => p.action === 'opened'));
  opened.issue.created_at = opened.issue.updated_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  opened.issue.id = 987654321987;
  const parts = JSON.stringify(opened).split('987654321987');
  let n = 0;
  const signedOpened = {
    method: 'POST',
    path: '/webhooks/github',
    setupRequest: (req) => {
      n += 1;
      const body = parts.join(String(5_000_000_000 + n));
      const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      return { ...req, body, headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature } };
    },
  };

  await run('warm-up', { duration: 2, requests: [{ method: 'GET', path: '/healthz' }] });
  results.push(await run('GET /healthz', { requests: [{ method: 'GET', path: '/healthz' }] }));
  results.push(await run('POST /webhooks/github (signed issues.opened)', { requests: [signedOpened] }));
} finally {
  dev.kill('SIGTERM');
  await stopped;
}

console.log(`\nautocannon: ${connections} connections, ${duration} s each, wrangler dev on ${base} (local D1 + queue)\n`);
console.log('endpoint'.padEnd(46), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), '2xx'.padStart(8), 'other'.padStart(7));
for (const { title, result } of results) {
  const other = result.non2xx + result.errors + result.timeouts;
  console.log(title.padEnd(46), result.requests.average.toFixed(0).padStart(8), String(result.latency.p50).padStart(8), String(result.latency.p99).padStart(8), String(result['2xx']).padStart(8), String(other).padStart(7));
}

// The bundle wrangler would upload, gzipped (budget: 300 KB).
const out = join(persist, 'dist');
wranglerSync(['deploy', '--dry-run', '--outdir', out]);
const js = readdirSync(out).filter((f) => f.endsWith('.js'));
const raw = js.reduce((sum, f) => sum + readFileSync(join(out, f)).length, 0);
const gz = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
console.log(`\nbundle: ${(raw / 1024).toFixed(1)} KiB, gzipped ${(gz / 1024).toFixed(1)} KiB (budget 300 KB)`);
rmSync(persist, { recursive: true, force: true });
