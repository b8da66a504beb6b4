// Runs wrangler fully offline: no metrics, no update check, no Request.cf download.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const wranglerBin = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');

export const offlineEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: process.env.CI ?? 'true',
};

/** Runs a wrangler command quietly (in `cwd`) and returns its output; exits the process, showing the output, if it fails. */
export function wranglerOutput(args, cwd = root) {
  const r = spawnSync(process.execPath, [wranglerBin, ...args], { cwd, env: offlineEnv, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

/**
 * Applies worker/migrations to the local D1 and says so in one line: wrangler prints the whole migration table after
 * each one (over 200 lines on a fresh clone), which buries the server's address. A failure shows wrangler's output.
 */
export function applyLocalMigrations(extraArgs = []) {
  const out = wranglerOutput(['d1', 'migrations', 'apply', 'plazo', '--local', ...extraArgs]);
  const applied = out.match(/commands executed successfully/g)?.length ?? 0;
  console.log(
    applied > 0 ? `Local D1: applied ${applied} migration(s) from worker/migrations.` : 'Local D1: up to date with worker/migrations.',
  );
}

/** Starts a long-running wrangler command (wrangler dev). */
export function wranglerSpawn(args, stdio = 'inherit') {
  return spawn(process.execPath, [wranglerBin, ...args], { cwd: root, env: offlineEnv, stdio });
}
