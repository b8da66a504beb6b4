#!/usr/bin/env node
// The CLI ships as one bundled module, built by `npm install` (the root `prepare` script), so start-up compiles no TypeScript.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/plazo.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    `plazo: the CLI has not been built (${fileURLToPath(built)} is missing).\n` +
      'Run `npm install` (or `npm run build -w core`) at the root of the Plazo repository, then try again.\n',
  );
  process.exit(1);
}
// A reader that stops early (`plazo policies | head -1`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});
// Node 22 can keep V8's compiled code between runs; older Node has no such call and skips it.
module.enableCompileCache?.();
const { main } = await import(built.href);
// process.stdin opens a stream when first touched; a one-ticket evaluation never reads it.
const io = {
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
};
process.exitCode = await main(process.argv.slice(2), io);
