/**
 * `plazo evaluate --jsonl` on 30,000 tickets, the whole process (start-up, parsing, triage, deadlines, SLA, JSON out),
 * beside the luxon day-by-day walk of deadlines.ts computing the same figures in-process from the same starts and
 * durations: per target the due instant, the business time remaining at `now` and the at-risk instant (it does no
 * triage or I/O, so the comparison favours it). The due instants alone are walked too and shown beside. They take
 * turns for a few rounds; a figure is the fastest round, with the median beside it. Every walked figure must equal
 * the CLI's.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { publicHolidays } from '../src/calendar/public-holidays.js';
import { demoTickets } from '../src/cli/run-demo.js';
import { targetDurationMs } from '../src/deadline/target-duration-ms.js';
import type { Evaluation } from '../src/evaluation/evaluation-schema.js';
import { builtInPolicies } from '../src/policies/built-in-policies.js';
import { policyCalendar } from '../src/policy/policy-calendar.js';
import type { Policy, Target } from '../src/policy/policy-schema.js';
import { type Week, walkBusinessTimeBetween, walkDueAt, weekOf } from './deadlines.js';

export type CliBenchRow = {
  policy: string;
  tickets: number;
  /** Targets with a clock (a first response, a resolution): each has a due instant, a remaining time and an at-risk instant. */
  targets: number;
  /** Whole process, 30,000 tickets: fastest and median round. */
  cliMs: number;
  cliMedianMs: number;
  /** Whole process, one ticket: fastest round. */
  startupMs: number;
  /** The walk of every business-time figure the CLI prints (due, remaining, at-risk instant): fastest and median round. */
  walkMs: number;
  walkMedianMs: number;
  /** The walk of the due instants alone, fastest round: what this bench compared against before stop 10. */
  dueWalkMs: number;
  /** How many times faster the whole CLI process is than the walk (fastest rounds). */
  speedup: number;
  /** Tickets per second once started: tickets / (cliMs − startupMs). */
  steadyTicketsPerSecond: number;
};
export type CliBench = { rows: CliBenchRow[]; rounds: number; goal: number };

const GOAL = 5;
const NOW = '2026-06-01T12:00:00Z';
const bin = fileURLToPath(new URL('../bin/plazo.js', import.meta.url));

/** Runs the built CLI on `input`; returns its wall time and stdout. Any rejected line stops the benchmark. */
export function runCli(policy: string, input: string): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'evaluate', '--policy', policy, '--jsonl', '--now', NOW], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - t0, stdout: Buffer.concat(chunks).toString('utf8') })
        : reject(new Error(`plazo exited ${code}`)),
    );
    child.stdin.end(input);
  });
}

/** Tickets spread over 2026–2030 with the demo's texts, one JSON line each. */
export function ticketsFor(policy: string, count: number): string {
  const texts = demoTickets.filter((t) => t.policy === policy);
  const from = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2031, 0, 1) - from;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = texts[i % texts.length]!;
    const createdAt = new Date(from + ((i * 7_919_993_237) % span)).toISOString();
    lines.push(JSON.stringify({ id: `B-${i}`, createdAt, subject: t.subject, body: t.body }));
  }
  return `${lines.join('\n')}\n`;
}

type WalkTarget = {
  business: boolean;
  durationMs: number;
  /** The at-risk share: the clock is at risk once remaining ≤ this. */
  riskMs: number;
};
type WalkJob = { createdMs: number; afterHours: boolean; targets: WalkTarget[] };
/** Per target, the three figures of an evaluation's `sla` entry that take business time: due, remaining, at-risk instant. */
type Figures = { dueMs: number; remainingMs: number; nextThresholdMs: number };

/** What the walk is given for each ticket: the CLI's priority, exclusion and after-hours decision; and the figures to match. */
function walkJobs(policy: Policy, evaluations: Evaluation[], createdMs: number[]): { jobs: WalkJob[]; expected: Figures[] } {
  const calendar = policyCalendar(policy);
  if (!calendar.ok || !calendar.value) throw new Error(`policy ${policy.id} has no calendar to walk`);
  const cal = calendar.value;
  const afterHoursFlag = policy.intake.afterHours?.flag;
  const ratio = policy.sla.atRiskRemainingRatio;
  const duration = (t: Target) => {
    const d = targetDurationMs(t, cal);
    if (!d.ok) throw new Error(d.issue.detail);
    return d.value;
  };
  const expected: Figures[] = [];
  const jobs = evaluations.map((e, i) => {
    const targets = e.excluded
      ? { firstResponse: null, resolution: null }
      : (policy.priorities.find((p) => p.id === e.priority)?.targets ?? policy.targets);
    const due = [
      [targets?.firstResponse, e.sla.firstResponse],
      [targets?.resolution, e.sla.resolution],
    ] as const;
    return {
      createdMs: createdMs[i]!,
      afterHours: afterHoursFlag !== undefined && e.flags.includes(afterHoursFlag),
      targets: due.flatMap(([t, status]) => {
        if (!t || !status) return [];
        const durationMs = duration(t);
        const { dueAt, remainingMs, nextThresholdAt } = status;
        expected.push({
          dueMs: Date.parse(dueAt),
          remainingMs,
          nextThresholdMs: nextThresholdAt === null ? Number.NaN : Date.parse(nextThresholdAt),
        });
        return [{ business: t.clock === 'business', durationMs, riskMs: ratio * durationMs }];
      }),
    };
  });
  return { jobs, expected };
}

type Walk = { week: Week; holidays: ReadonlySet<string>; zone: string; nowMs: number };

/** The due instants alone, each walked from the clock's start. */
function walkDue(jobs: readonly WalkJob[], w: Walk, out: Float64Array): void {
  let k = 0;
  for (const job of jobs) {
    const start = job.afterHours ? walkDueAt(job.createdMs, 0, w.week, w.holidays, w.zone) : job.createdMs;
    for (const t of job.targets) out[k++] = t.business ? walkDueAt(start, t.durationMs, w.week, w.holidays, w.zone) : start + t.durationMs;
  }
}

/**
 * Every business-time figure the CLI prints per target, as a naive SLA tool walks them: the time counted from the
 * clock's start to now, then the due instant and the at-risk instant walked on from there (targetClock's rules).
 */
function walkFigures(jobs: readonly WalkJob[], w: Walk, out: Float64Array): void {
  let k = 0;
  const add = (business: boolean, from: number, ms: number) => (business ? walkDueAt(from, ms, w.week, w.holidays, w.zone) : from + ms);
  for (const job of jobs) {
    const start = job.afterHours ? walkDueAt(job.createdMs, 0, w.week, w.holidays, w.zone) : job.createdMs;
    const from = Math.max(w.nowMs, start);
    // Both targets' clocks run from the same start, so business time up to now is walked once per ticket.
    let businessElapsed = Number.NaN;
    for (const t of job.targets) {
      if (t.business && Number.isNaN(businessElapsed))
        businessElapsed = w.nowMs <= start ? 0 : walkBusinessTimeBetween(start, w.nowMs, w.week, w.holidays, w.zone);
      const elapsed = t.business ? businessElapsed : Math.max(0, w.nowMs - start);
      const remaining = t.durationMs - elapsed;
      const due = remaining <= 0 ? add(t.business, start, t.durationMs) : add(t.business, from, remaining);
      out[k++] = due;
      out[k++] = remaining;
      out[k++] = remaining <= 0 ? Number.NaN : remaining <= t.riskMs ? due : add(t.business, from, Math.ceil(remaining - t.riskMs));
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export type CliBenchOptions = {
  tickets?: number;
  rounds?: number;
  policies?: readonly string[];
  /** Told where the bench is, a line at a time (it runs for minutes). */
  progress?: (line: string) => void;
};

export async function benchCliJsonl(options: CliBenchOptions = {}): Promise<CliBench> {
  const { tickets = 30_000, rounds = 3, policies = ['peewah', 'websaas', 'skedu', 'infraspeak'], progress = () => {} } = options;
  const rows: CliBenchRow[] = [];
  for (const id of policies) {
    const policy = builtInPolicies.get(id);
    const spec = policy?.calendar;
    if (!policy || !spec) throw new Error(`no built-in policy ${id} with a calendar`);
    const input = ticketsFor(id, tickets);
    const createdMs = input
      .trimEnd()
      .split('\n')
      .map((l) => Date.parse((JSON.parse(l) as { createdAt: string }).createdAt));

    const one = ticketsFor(id, 1);
    const startupMs: number[] = [(await runCli(id, one)).ms];
    const first = await runCli(id, input);
    const evaluations = first.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Evaluation);
    if (evaluations.length !== tickets) throw new Error(`${id}: the CLI evaluated ${evaluations.length} of ${tickets} tickets`);
    const { jobs, expected } = walkJobs(policy, evaluations, createdMs);
    const targets = expected.length;

    const cal = policyCalendar(policy);
    const zone = cal.ok && cal.value ? cal.value.zone : 'UTC';
    const listed = publicHolidays(spec.holidays.country ?? 'CO', 2026, 2032);
    const w: Walk = {
      week: weekOf(spec),
      holidays: new Set(listed.ok && spec.holidays.country ? listed.value : []),
      zone,
      nowMs: Date.parse(NOW),
    };
    const dueWalked = new Float64Array(targets);
    const figuresWalked = new Float64Array(targets * 3);
    const timed = (run: () => void) => {
      const t0 = performance.now();
      run();
      return performance.now() - t0;
    };

    const cliMs: number[] = [first.ms];
    const walkMs: number[] = [];
    const dueWalkMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      progress(`${id}: round ${round + 1} of ${rounds} (the walk, then the CLI)`);
      walkMs.push(timed(() => walkFigures(jobs, w, figuresWalked)));
      dueWalkMs.push(timed(() => walkDue(jobs, w, dueWalked)));
      if (round > 0) {
        cliMs.push((await runCli(id, input)).ms);
        startupMs.push((await runCli(id, one)).ms);
      }
    }
    // NaN stands for "no at-risk instant" on both sides, so Object.is, not ===.
    const differ = expected.filter(
      (f, k) =>
        dueWalked[k] !== f.dueMs ||
        figuresWalked[3 * k] !== f.dueMs ||
        figuresWalked[3 * k + 1] !== f.remainingMs ||
        !Object.is(figuresWalked[3 * k + 2], f.nextThresholdMs),
    ).length;
    if (differ > 0)
      throw new Error(`${id}: the walk disagrees with the CLI on ${differ} of ${targets} targets; the comparison would mean nothing`);

    const fastCli = Math.min(...cliMs);
    const fastWalk = Math.min(...walkMs);
    rows.push({
      policy: id,
      tickets,
      targets,
      cliMs: fastCli,
      cliMedianMs: median(cliMs),
      startupMs: Math.min(...startupMs),
      walkMs: fastWalk,
      walkMedianMs: median(walkMs),
      dueWalkMs: Math.min(...dueWalkMs),
      speedup: fastWalk / fastCli,
      steadyTicketsPerSecond: (tickets / Math.max(1, fastCli - Math.min(...startupMs))) * 1000,
    });
  }
  return { rows, rounds, goal: GOAL };
}

export function formatCliBench(b: CliBench): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const pair = (fast: number, median: number) => `${fmt(fast)} (${fmt(median)})`;
  const times = (n: number) => `${n.toFixed(1)}×`;
  const sum = (pick: (r: CliBenchRow) => number) => b.rows.reduce((n, r) => n + pick(r), 0);
  const cells = (name: string, tickets: number, targets: number, cli: string, walk: string, by: number, due: number, dueBy: number) =>
    `${name.padEnd(11)} ${fmt(tickets).padStart(7)} ${fmt(targets).padStart(7)}  ${cli.padStart(16)}  ${walk.padStart(17)}  ${times(by).padStart(7)}  ${fmt(due).padStart(13)}  ${times(dueBy).padStart(7)}`;
  const all = sum((r) => r.walkMs) / sum((r) => r.cliMs);
  return [
    `fastest of ${b.rounds} rounds (median); the CLI's time is the whole process, start-up included; the walk computes every`,
    'business-time figure the CLI prints per target (due, remaining, at-risk instant), the due-only walk the due instants alone',
    `${'policy'.padEnd(11)} ${'tickets'.padStart(7)} ${'targets'.padStart(7)}  ${'CLI ms'.padStart(16)}  ${'walk ms'.padStart(17)}  ${'faster'.padStart(7)}  ${'due-only walk'.padStart(13)}  ${'faster'.padStart(7)}  ${'start-up ms'.padStart(11)}  ${'tickets/s after start-up'.padStart(24)}`,
    ...b.rows.map(
      (r) =>
        `${cells(r.policy, r.tickets, r.targets, pair(r.cliMs, r.cliMedianMs), pair(r.walkMs, r.walkMedianMs), r.speedup, r.dueWalkMs, r.dueWalkMs / r.cliMs)}  ${fmt(r.startupMs).padStart(11)}  ${fmt(r.steadyTicketsPerSecond).padStart(24)}`,
    ),
    cells(
      'all',
      sum((r) => r.tickets),
      sum((r) => r.targets),
      pair(
        sum((r) => r.cliMs),
        sum((r) => r.cliMedianMs),
      ),
      pair(
        sum((r) => r.walkMs),
        sum((r) => r.walkMedianMs),
      ),
      all,
      sum((r) => r.dueWalkMs),
      sum((r) => r.dueWalkMs) / sum((r) => r.cliMs),
    ),
    `goal: the whole CLI process ≥ ${b.goal}× faster than the walk: ${all >= b.goal ? 'met' : 'NOT met'} over the ${b.rows.length} policies (${times(all)}); per policy, ${
      b.rows
        .filter((r) => r.speedup >= b.goal)
        .map((r) => r.policy)
        .join(', ') || 'none'
    } met it`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatCliBench(await benchCliJsonl()));
}
