import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import examples from '@octokit/webhooks-examples/api.github.com/index.json';
import { sign } from '@octokit/webhooks-methods';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The admin reports page in Debian's Chromium against the real Worker under `wrangler dev` (local D1 and queue, its own
// state folder), fed through real GitHub webhooks: issues of three customers over three months, agents' replies and
// `/plazo time` comments. The Worker evaluates them through its queue as in production.

const repo = fileURLToPath(new URL('../..', import.meta.url));
const wranglerBin = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const screenshots = join(repo, 'docs', 'screenshots');
const ADMIN_TOKEN = 'reports-page-admin-token';
const WEBHOOK_SECRET = 'reports-page-webhook-secret';
const offline = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
};

type Example = { name: string; examples: Record<string, any>[] };
const payload = (event: string, action: string) =>
  structuredClone((examples as unknown as Example[]).find((e) => e.name === event)!.examples.find((p) => p.action === action)!);

/** Three customers' issues: when each was opened, how long an agent took to answer (null: never), and the time agents logged. */
const seeds = [
  {
    customer: 'acme-corp',
    createdAt: '2026-10-06T14:00:00Z',
    title: 'No podemos facturar: el sistema está caído para todos',
    replyMin: 30,
    time: ['1h30m', '45m'],
  },
  { customer: 'globex', createdAt: '2026-10-13T15:00:00Z', title: 'Consulta sobre la exportación mensual', replyMin: 180, time: ['30m'] },
  { customer: 'initech', createdAt: '2026-10-20T16:00:00Z', title: 'El informe muestra totales equivocados', replyMin: null, time: [] },
  { customer: 'acme-corp', createdAt: '2026-11-03T13:00:00Z', title: 'Ningún usuario puede iniciar sesión', replyMin: 20, time: ['2h'] },
  { customer: 'globex', createdAt: '2026-11-10T14:00:00Z', title: '¿Cómo agrego un usuario?', replyMin: 300, time: ['1h'] },
  { customer: 'initech', createdAt: '2026-11-17T15:00:00Z', title: 'La impresión va lenta', replyMin: 60, time: ['15m'] },
  {
    customer: 'acme-corp',
    createdAt: '2026-12-01T14:00:00Z',
    title: 'Los pagos son rechazados, no podemos cobrar',
    replyMin: 40,
    time: ['1h'],
  },
  { customer: 'globex', createdAt: '2026-12-02T15:00:00Z', title: 'Cambiar el logo de la factura', replyMin: null, time: [] },
  { customer: 'initech', createdAt: '2026-12-03T13:00:00Z', title: 'La sincronización se detuvo anoche', replyMin: 120, time: ['3h'] },
];
/** Hours each customer's agents logged per month, as the seeds above add up. */
const expectedHours = [
  ['acme-corp', '2026-10', 2.25],
  ['acme-corp', '2026-11', 2],
  ['acme-corp', '2026-12', 1],
  ['globex', '2026-10', 0.5],
  ['globex', '2026-11', 1],
  ['initech', '2026-11', 0.25],
  ['initech', '2026-12', 3],
] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function wrangler(args: string[], cwd: string): void {
  const r = spawnSync(process.execPath, [wranglerBin, ...args], { cwd, env: offline, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
}

/**
 * The repository's wrangler.toml (its paths made absolute) in a folder of its own, so no developer's .dev.vars is read. It
 * serves the Worker as wrangler bundles it for deploying, built once: `wrangler dev` then watches copies no one edits, so it
 * never restarts mid-test.
 */
function isolatedConfig(dir: string): string {
  const toml = readFileSync(join(repo, 'wrangler.toml'), 'utf8')
    .replace(/^("[^"]+" = )"\.\/(.+)"$/gm, (_, key, p) => `${key}"${join(repo, p)}"`)
    .replace(/^directory = "(.+)"$/m, (_, p) => {
      // The assets too: a copy no other run's page build rewrites (wrangler dev reloads on any change, losing queued jobs).
      cpSync(join(repo, p), join(dir, 'assets'), { recursive: true });
      return `directory = "${join(dir, 'assets')}"`;
    })
    .replace(/^migrations_dir = "(.+)"$/m, (_, p) => `migrations_dir = "${join(repo, p)}"`)
    .replace(/^\[build\]\n(?:[^[\n].*\n)*/m, '');
  const source = join(dir, 'source.toml');
  writeFileSync(
    source,
    toml.replace(/^main = "(.+)"$/m, (_, p) => `main = "${join(repo, p)}"`),
  );
  wrangler(['deploy', '--dry-run', '--config', source, '--outdir', join(dir, 'bundle')], dir);
  const path = join(dir, 'wrangler.toml');
  writeFileSync(path, toml.replace(/^main = "(.+)"$/m, `main = "${join(dir, 'bundle', 'index.js')}"\nno_bundle = true`));
  return path;
}

/** Starts `wrangler dev` and resolves once it says it is ready; its output is kept for the failure message. */
function startWorker(config: string, state: string, port: number, inspectorPort: number): Promise<{ dev: ChildProcess; url: string }> {
  const args = ['dev', '--config', config, '--local', '--persist-to', state, '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false');
  args.push('--var', `ADMIN_TOKEN:${ADMIN_TOKEN}`, '--var', `GITHUB_WEBHOOK_SECRET:${WEBHOOK_SECRET}`);
  const dev = spawn(process.execPath, [wranglerBin, ...args], { cwd: dirname(config), env: offline, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on http/.test(output)) resolve({ dev, url: `http://127.0.0.1:${port}` });
    };
    dev.stdout.on('data', look);
    dev.stderr.on('data', look);
    dev.once('exit', (code) => reject(new Error(`wrangler dev exited (${code}) before it was ready:\n${output}`)));
  });
}

let work: string;
let worker: { dev: ChildProcess; url: string };
let browser: Browser;

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${worker.url}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.headers ?? {}) } });

async function deliver(event: string, body: Record<string, unknown>): Promise<void> {
  const text = JSON.stringify(body);
  const res = await fetch(`${worker.url}/webhooks/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': await sign(WEBHOOK_SECRET, text),
    },
    body: text,
  });
  if (res.status !== 202) throw new Error(`${event}: ${res.status} ${await res.text()}`);
}

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace('.000Z', 'Z');

async function seed(): Promise<string[]> {
  const keys: string[] = [];
  let commentId = 5_000_000;
  for (const [i, s] of seeds.entries()) {
    const opened = payload('issues', 'opened');
    const issueId = 4_000_000 + i;
    const user = { ...opened.issue.user, login: s.customer, id: 7_000 + s.customer.length, type: 'User' };
    opened.issue = {
      ...opened.issue,
      id: issueId,
      number: i + 1,
      title: s.title,
      body: s.title,
      user,
      labels: [],
      created_at: s.createdAt,
    };
    opened.issue.updated_at = s.createdAt;
    opened.sender = user;
    delete opened.installation;
    await deliver('issues', opened);
    keys.push(`github:issue:${issueId}`);
    const agent = { ...user, login: 'support-agent', id: 99, type: 'User' };
    const comment = async (body: string, minutes: number) => {
      const p = payload('issue_comment', 'created');
      p.issue = { ...opened.issue, updated_at: at(s.createdAt, minutes) };
      p.repository = opened.repository;
      p.sender = agent;
      p.comment = { ...p.comment, id: ++commentId, body, user: agent, author_association: 'MEMBER', created_at: at(s.createdAt, minutes) };
      delete p.installation;
      await deliver('issue_comment', p);
    };
    if (s.replyMin !== null) await comment('Lo estamos revisando.', s.replyMin);
    for (const [n, duration] of s.time.entries())
      await comment(`Avance registrado.\n/plazo time ${duration}`, (s.replyMin ?? 0) + 60 * (n + 1));
  }
  return keys;
}

/** Waits until the Worker's queue has evaluated every seeded ticket (no deadline of its own: the test's timeout bounds it). */
async function evaluated(keys: string[]): Promise<void> {
  for (;;) {
    const { tickets } = (await (await call('/api/v1/tickets?host=github&limit=200')).json()) as {
      tickets: { key: string; evaluation: unknown }[];
    };
    if (keys.every((k) => tickets.some((t) => t.key === k && t.evaluation !== null))) return;
    const { failedJobs } = (await (await call('/api/v1/failed-jobs')).json()) as { failedJobs: unknown[] };
    if (failedJobs.length > 0) throw new Error(`write-backs failed: ${JSON.stringify(failedJobs)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The timeouts are bounds only: a busy machine (the full suite on two cores) takes longer, never gives another answer.
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'plazo-reports-page-'));
  // wrangler.toml's [build] writes the assets; the copy below drops that section, so the same scripts run here first.
  for (const script of ['build-reports-page.mjs', 'build-policy-assets.mjs']) {
    const built = spawnSync(process.execPath, [join(repo, 'worker', 'scripts', script)], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`${script} failed: ${built.stderr}`);
  }
  const config = isolatedConfig(work);
  const state = join(work, 'state');
  wrangler(['d1', 'migrations', 'apply', 'plazo', '--local', '--config', config, '--persist-to', state], work);
  worker = await startWorker(config, state, await freePort(), await freePort());
  await evaluated(await seed());
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (worker?.dev.exitCode === null) {
    const exited = new Promise((resolve) => worker.dev.once('exit', resolve));
    worker.dev.kill('SIGTERM');
    await exited;
  }
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

/** Pixels of a canvas that are not transparent: a chart drew something. */
const paintedPixels = (selector: string) => `(() => {
  const canvas = document.querySelector('${selector}');
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
  return painted;
})()`;

describe('the admin reports page in Chromium, against the Worker under wrangler dev', () => {
  it('asks for the admin token, draws hours, compliance and flags from the API, and downloads the rows as CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const response = await page.goto(`${worker.url}/admin/reports/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.getAttribute('body', 'data-state')).toBe('signed-out');

    // A wrong token is refused by the API and the page asks again, naming the problem.
    await page.getByTestId('token').fill('not-the-token');
    await page.getByTestId('sign-in').getByRole('button').click();
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('unauthorized');
    expect(await page.getAttribute('body', 'data-state')).toBe('signed-out');

    await page.getByTestId('token').fill(ADMIN_TOKEN);
    await page.getByTestId('sign-in').getByRole('button').click();
    await expect.poll(() => page.getAttribute('body', 'data-state')).toBe('ready');
    expect(await page.getByTestId('sign-in').isVisible()).toBe(false);
    expect(await page.getByTestId('error').isVisible()).toBe(false);
    expect(await page.getByTestId('installation').inputValue()).toBe('github:token');
    await page.getByTestId('from').fill('2026-10');
    await page.getByTestId('to').fill('2026-12');
    await page.getByTestId('show').click();
    await expect.poll(() => page.getAttribute('body', 'data-state')).toBe('ready');

    // The token never travels in a URL; it stays in this tab's sessionStorage.
    expect(requests.some((u) => u.includes(ADMIN_TOKEN))).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('plazo.adminToken'))).toBe(ADMIN_TOKEN);

    const rows = await page.getByTestId('hours-table').locator('tbody tr').all();
    const cells = await Promise.all(rows.map((r) => r.locator('td').allTextContents()));
    expect(cells.map((c) => [c[0], c[1], Number(c[2])])).toEqual(expectedHours);

    const compliance = (await (await call('/api/v1/reports/compliance?installation=github:token&from=2026-10&to=2026-12')).json()) as {
      rows: { month: string; tickets: number; firstResponse: { breached: number } }[];
      flags: unknown[];
    };
    expect(compliance.rows.reduce((n, r) => n + r.tickets, 0)).toBe(seeds.length);
    expect(await page.getByTestId('compliance-table').locator('tbody tr').count()).toBe(compliance.rows.length);
    expect(await page.getByTestId('flags-table').locator('tbody tr').count()).toBe(compliance.flags.length);

    for (const chart of ['hours-chart', 'compliance-chart', 'flags-chart']) {
      const canvas = `[data-testid="${chart}"]`;
      expect(await page.locator(canvas).boundingBox()).toMatchObject({ height: expect.any(Number) });
      expect(await page.evaluate(paintedPixels(canvas))).toBeGreaterThan(2000);
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-hours').click()]);
    expect(download.suggestedFilename()).toBe('plazo-hours-github-token-2026-10-2026-12.csv');
    const csv = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('customer,customer_kind,month,hours,seconds,tickets,entries');
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual(expectedHours.map(([c, m, h]) => [c, 'requester', m, String(h)]));

    const [flags] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-compliance').click()]);
    const complianceCsv = readFileSync((await flags.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(complianceCsv).toHaveLength(compliance.rows.length + 1);

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'admin-reports.png'), fullPage: true });

    await page.getByTestId('sign-out').click();
    expect(await page.evaluate(() => sessionStorage.getItem('plazo.adminToken'))).toBeNull();
    expect(await page.getByTestId('sign-in').isVisible()).toBe(true);
    await context.close();
  }, 300_000);
});
