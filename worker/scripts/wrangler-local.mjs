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

/** Runs a wrangler command to completion; exits the process if it fails. */
export function wranglerSync(args) {
  const r = spawnSync(process.execPath, [wranglerBin, ...args], { cwd: root, env: offlineEnv, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Runs a wrangler command quietly (in `cwd`) and returns its output; exits the process, showing the output, if it fails. */
export function wranglerOutput(args, cwd = root) {
  const r = spawnSync(process.execPath, [wranglerBin, ...args], { cwd, env: offlineEnv, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}${r.stderr}`);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

/** Starts a long-running wrangler command (wrangler dev). */
export function wranglerSpawn(args, stdio = 'inherit') {
  return spawn(process.execPath, [wranglerBin, ...args], { cwd: root, env: offlineEnv, stdio });
}
