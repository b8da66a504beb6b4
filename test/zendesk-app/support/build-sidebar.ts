import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: the browser test loads the built sidebar, so build it first (Vite, then the copy step). */
export default function setup(): void {
  const app = fileURLToPath(new URL('../../../zendesk-app', import.meta.url));
  const vite = join(dirname(createRequire(`${app}/package.json`).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/copy-app-files.mjs'], { cwd: app, stdio: 'inherit' });
}
