// npm run bench:bundle — the Worker bundle wrangler would upload (raw and gzipped, its largest inputs from esbuild's
// metafile) and the Worker's start-up CPU time (wrangler check startup, offline), beside a hello-world Worker's start-up
// from the same run, which is the runtime's floor. Options: --runs <n> start-up profiles each (default 5),
// --top <n> inputs listed (default 12), --check (exit 1 when a figure is over its budget).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, wranglerOutput } from './wrangler-local.mjs';

const BUDGET_GZIP_KIB = 200;
const BUDGET_STARTUP_MS = 100;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 5);
const top = arg('top', 12);
const check = process.argv.includes('--check');

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (micros) => `${(micros / 1000).toFixed(1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The modules `wrangler deploy` would upload, built offline, and esbuild's metafile for them. */
function buildBundle(dir) {
  wranglerOutput(['deploy', '--dry-run', '--outdir', dir, '--metafile', join(dir, 'meta.json')]);
  const modules = readdirSync(dir).filter((f) => /\.(m?js|wasm)$/.test(f));
  const bytes = Buffer.concat(modules.map((f) => readFileSync(join(dir, f))));
  // Same measure as wrangler's "gzip:" figure: the modules together, zlib's default level.
  return { raw: bytes.length, gzip: gzipSync(bytes).length, meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) };
}

/** Minified bytes each input contributes, summed by npm package or by the project folder it lives in. */
function largestInputs(meta) {
  const inputs = Object.values(meta.outputs).flatMap((output) => Object.entries(output.inputs ?? {}));
  const groups = new Map();
  for (const [path, { bytesInOutput }] of inputs) {
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    const group = pkg ?? path.split('/').slice(0, -1).join('/');
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  const files = inputs.map(([path, { bytesInOutput }]) => [path, bytesInOutput]);
  const byBytes = (a, b) => b[1] - a[1];
  return { groups: [...groups].sort(byBytes).slice(0, top), files: files.sort(byBytes).slice(0, top) };
}

/** CPU time of the start-up phase in one `wrangler check startup` profile, counted as wrangler counts it. */
function startupCpu(cwd, outfile) {
  // check startup builds the project of its working directory (it does not pass --config on to the build).
  wranglerOutput(['check', 'startup', '--outfile', outfile], cwd);
  const profile = JSON.parse(readFileSync(outfile, 'utf8'));
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let active = 0;
  profile.timeDeltas.forEach((delta, i) => {
    if (names.get(profile.samples[i]) !== '(idle)') active += delta;
  });
  return { active, window: profile.endTime - profile.startTime };
}

const work = mkdtempSync(join(tmpdir(), 'plazo-bundle-'));
try {
  const bundle = buildBundle(join(work, 'bundle'));
  const share = (bytes) => `${((100 * bytes) / bundle.raw).toFixed(1).padStart(5)} %`;
  const { groups, files } = largestInputs(bundle.meta);
  console.log(`bundle: ${kib(bundle.raw)} raw, ${kib(bundle.gzip)} gzipped (budget ${BUDGET_GZIP_KIB} KiB gzipped)`);
  console.log(`\nlargest inputs by package or folder (minified bytes in the bundle):`);
  for (const [name, bytes] of groups) console.log(`  ${kib(bytes).padStart(10)} ${share(bytes)}  ${name}`);
  console.log(`\nlargest input files:`);
  for (const [name, bytes] of files) console.log(`  ${kib(bytes).padStart(10)} ${share(bytes)}  ${name}`);

  // The floor: a Worker that only answers, started by the same runtime on the same machine in the same run.
  const floorDir = join(work, 'floor');
  mkdirSync(floorDir);
  writeFileSync(join(floorDir, 'index.mjs'), "export default { fetch: () => new Response('ok') };\n");
  writeFileSync(join(floorDir, 'wrangler.toml'), 'name = "floor"\nmain = "index.mjs"\ncompatibility_date = "2026-08-01"\n');
  const plazo = [];
  const floor = [];
  // The two take turns, so a slow spell of the machine lands on both.
  for (let i = 0; i < runs; i++) {
    plazo.push(startupCpu(root, join(work, `plazo-${i}.cpuprofile`)));
    floor.push(startupCpu(floorDir, join(work, `floor-${i}.cpuprofile`)));
  }
  const fastest = (xs) => Math.min(...xs.map((x) => x.active));
  const line = (name, xs) =>
    `  ${name.padEnd(12)} CPU fastest ${ms(fastest(xs)).padStart(9)}, median ${ms(median(xs.map((x) => x.active))).padStart(9)};` +
    ` profile window median ${ms(median(xs.map((x) => x.window)))}`;
  // The fastest run is the figure (the machine's other work only adds time); the median shows the spread.
  console.log(`\nstart-up (wrangler check startup, ${runs} runs each; budget ${BUDGET_STARTUP_MS} ms CPU for plazo, fastest run):`);
  console.log(line('plazo', plazo));
  console.log(line('hello-world', floor));

  const over = [];
  if (bundle.gzip / 1024 > BUDGET_GZIP_KIB) over.push(`bundle ${kib(bundle.gzip)} gzipped > ${BUDGET_GZIP_KIB} KiB`);
  const startupMs = fastest(plazo) / 1000;
  if (startupMs > BUDGET_STARTUP_MS) over.push(`start-up ${startupMs.toFixed(1)} ms > ${BUDGET_STARTUP_MS} ms`);
  console.log(over.length ? `\nOVER BUDGET: ${over.join('; ')}` : '\nwithin budget');
  if (check && over.length) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
