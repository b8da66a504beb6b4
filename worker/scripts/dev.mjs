// npm start: the Worker on http://127.0.0.1:8787 with local D1 (migrations applied) and a local queue.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyLocalMigrations, root, wranglerSpawn } from './wrangler-local.mjs';

const extra = process.argv.slice(2);
if (!existsSync(join(root, '.dev.vars'))) {
  copyFileSync(join(root, '.dev.vars.example'), join(root, '.dev.vars'));
  console.log('Created .dev.vars from .dev.vars.example (development secrets; edit it, it is not committed).');
}
const persist = extra.includes('--persist-to') ? ['--persist-to', extra[extra.indexOf('--persist-to') + 1]] : [];
applyLocalMigrations(persist);
// The defaults give way to the user's own (`npm start -- --port 8799`): wrangler refuses an option given twice.
const given = (flag) => extra.some((a) => a === flag || a.startsWith(`${flag}=`));
const defaults = [
  ['--ip', '127.0.0.1'],
  ['--port', '8787'],
].flatMap(([flag, value]) => (given(flag) ? [] : [flag, value]));
const dev = wranglerSpawn(['dev', ...defaults, '--test-scheduled', '--show-interactive-dev-session=false', ...extra]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
