/**
 * `npm run bench:cli`: wall time of one `npx plazo evaluate` beside `npx node -e 0` in the same run, the two taking
 * turns so a busy spell slows both. The difference is what Plazo itself costs a user: loading, compiling one
 * policy, evaluating one ticket. The goal is at most 200 ms more than the baseline.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

export type ColdStartSide = { label: string; runs: number[]; median: number; min: number };
export type ColdStartBench = {
  rounds: number;
  plazo: ColdStartSide;
  baseline: ColdStartSide;
  goalMs: number;
  /** The 1-minute load average before and after: on a busy machine every wall time, and so the difference, grows. */
  load: [number, number];
};

const GOAL_MS = 200;
const root = fileURLToPath(new URL('../..', import.meta.url));
const plazoArgs = [
  'plazo',
  'evaluate',
  '--policy',
  'websaas',
  '--subject',
  'No podemos facturar',
  '--created-at',
  '2026-03-09T10:00:00-05:00',
];
const baselineArgs = ['node', '-e', '0'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `npx <args>` from the repository root; a run that fails or prints the wrong thing stops the benchmark. */
function timeNpx(args: string[], expect: RegExp): number {
  const t0 = performance.now();
  const run = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (run.status !== 0 || !expect.test(run.stdout)) {
    throw new Error(
      `npx ${args.join(' ')} failed (status ${run.status}); a figure made of failed runs means nothing:\n${run.stderr}${run.stdout}`,
    );
  }
  return ms;
}

export function benchColdStart(rounds = 15): ColdStartBench {
  const loadBefore = loadavg()[0]!;
  const plazo: number[] = [];
  const baseline: number[] = [];
  // One untimed run each fills the file cache and V8's compile cache, as any second use of the CLI would.
  timeNpx(baselineArgs, /^$/);
  timeNpx(plazoArgs, /Priority/);
  for (let i = 0; i < rounds; i++) {
    baseline.push(timeNpx(baselineArgs, /^$/));
    plazo.push(timeNpx(plazoArgs, /Priority/));
  }
  const side = (label: string, runs: number[]): ColdStartSide => ({ label, runs, median: median(runs), min: Math.min(...runs) });
  return {
    rounds,
    plazo: side(`npx ${plazoArgs.join(' ')}`, plazo),
    baseline: side(`npx ${baselineArgs.join(' ')}`, baseline),
    goalMs: GOAL_MS,
    load: [loadBefore, loadavg()[0]!],
  };
}

export function formatColdStart(b: ColdStartBench): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const extraMedian = b.plazo.median - b.baseline.median;
  const extraMin = b.plazo.min - b.baseline.min;
  return [
    `${b.rounds} rounds, the two commands taking turns      median      min`,
    `${'npx node -e 0'.padEnd(44)} ${ms(b.baseline.median).padStart(7)} ${ms(b.baseline.min).padStart(8)}`,
    `${'npx plazo evaluate --policy websaas …'.padEnd(44)} ${ms(b.plazo.median).padStart(7)} ${ms(b.plazo.min).padStart(8)}`,
    `${'plazo’s own cost (difference)'.padEnd(44)} ${ms(extraMedian).padStart(7)} ${ms(extraMin).padStart(8)}`,
    `load average (1 min) ${b.load[0].toFixed(2)} before, ${b.load[1].toFixed(2)} after, on ${availableParallelism()} cores`,
    `goal: at most ${b.goalMs} ms more than npx node -e 0 (median): ${extraMedian <= b.goalMs ? 'MET' : 'NOT MET'}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rounds = Number(process.argv[2] ?? 15);
  console.log(formatColdStart(benchColdStart(rounds)));
}
