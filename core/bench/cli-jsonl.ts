/**
 * `plazo evaluate --jsonl` on 30,000 tickets, the whole process (start-up, parsing, triage, deadlines, SLA, JSON out),
 * beside the luxon day-by-day walk of deadlines.ts computing the same deadlines in-process from the same starts and
 * durations (it does no triage or I/O, so the comparison favours it). The two take turns for a few rounds; a
 * figure is the fastest round, with the median beside it. The walk's deadlines must equal the CLI's.
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
import { walkDueAt, weekOf } from './deadlines.js';

export type CliBenchRow = {
  policy: string;
  tickets: number;
  deadlines: number;
  /** Whole process, 30,000 tickets: fastest and median round. */
  cliMs: number;
  cliMedianMs: number;
  /** Whole process, one ticket: fastest round. */
  startupMs: number;
  walkMs: number;
  walkMedianMs: number;
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

type WalkJob = { createdMs: number; afterHours: boolean; targets: { business: boolean; durationMs: number; expectedMs: number }[] };

/** What the walk is given for each ticket: the CLI's priority, exclusion and after-hours decision, and its deadlines to match. */
function walkJobs(policy: Policy, evaluations: Evaluation[], createdMs: number[]): WalkJob[] {
  const calendar = policyCalendar(policy);
  if (!calendar.ok || !calendar.value) throw new Error(`policy ${policy.id} has no calendar to walk`);
  const cal = calendar.value;
  const afterHoursFlag = policy.intake.afterHours?.flag;
  const duration = (t: Target) => {
    const d = targetDurationMs(t, cal);
    if (!d.ok) throw new Error(d.issue.detail);
    return d.value;
  };
  return evaluations.map((e, i) => {
    const targets = e.excluded
      ? { firstResponse: null, resolution: null }
      : (policy.priorities.find((p) => p.id === e.priority)?.targets ?? policy.targets);
    const due = [
      [targets?.firstResponse, e.deadlines.firstResponse],
      [targets?.resolution, e.deadlines.resolution],
    ] as const;
    return {
      createdMs: createdMs[i]!,
      afterHours: afterHoursFlag !== undefined && e.flags.includes(afterHoursFlag),
      targets: due.flatMap(([t, iso]) =>
        t && iso ? [{ business: t.clock === 'business', durationMs: duration(t), expectedMs: Date.parse(iso) }] : [],
      ),
    };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCliJsonl(options: { tickets?: number; rounds?: number; policies?: readonly string[] } = {}): Promise<CliBench> {
  const { tickets = 30_000, rounds = 3, policies = ['peewah', 'websaas', 'skedu', 'infraspeak'] } = options;
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
    const jobs = walkJobs(policy, evaluations, createdMs);
    const deadlines = jobs.reduce((n, j) => n + j.targets.length, 0);

    const cal = policyCalendar(policy);
    const zone = cal.ok && cal.value ? cal.value.zone : 'UTC';
    const listed = publicHolidays(spec.holidays.country ?? 'CO', 2026, 2032);
    const holidays = new Set(listed.ok && spec.holidays.country ? listed.value : []);
    const week = weekOf(spec);
    const walked = new Float64Array(deadlines);
    const walk = () => {
      let k = 0;
      for (const job of jobs) {
        const start = job.afterHours ? walkDueAt(job.createdMs, 0, week, holidays, zone) : job.createdMs;
        for (const t of job.targets) walked[k++] = t.business ? walkDueAt(start, t.durationMs, week, holidays, zone) : start + t.durationMs;
      }
    };

    const cliMs: number[] = [first.ms];
    const walkMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const t0 = performance.now();
      walk();
      walkMs.push(performance.now() - t0);
      if (round > 0) {
        cliMs.push((await runCli(id, input)).ms);
        startupMs.push((await runCli(id, one)).ms);
      }
    }
    const expected = jobs.flatMap((j) => j.targets.map((t) => t.expectedMs));
    const mismatches = expected.filter((ms, k) => walked[k] !== ms).length;
    if (mismatches > 0)
      throw new Error(
        `${id}: the walk disagrees with the CLI on ${mismatches} of ${deadlines} deadlines; the comparison would mean nothing`,
      );

    const fastCli = Math.min(...cliMs);
    const fastWalk = Math.min(...walkMs);
    rows.push({
      policy: id,
      tickets,
      deadlines,
      cliMs: fastCli,
      cliMedianMs: median(cliMs),
      startupMs: Math.min(...startupMs),
      walkMs: fastWalk,
      walkMedianMs: median(walkMs),
      speedup: fastWalk / fastCli,
      steadyTicketsPerSecond: (tickets / Math.max(1, fastCli - Math.min(...startupMs))) * 1000,
    });
  }
  return { rows, rounds, goal: GOAL };
}

export function formatCliBench(b: CliBench): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const pair = (fast: number, median: number) => `${fmt(fast)} (${fmt(median)})`;
  const row = (name: string, tickets: string, deadlines: string, cli: string, walk: string, speedup: number) =>
    `${name.padEnd(11)} ${tickets.padStart(7)} ${deadlines.padStart(9)}  ${cli.padStart(16)}  ${walk.padStart(17)}  ${`${speedup.toFixed(1)}×`.padStart(13)}`;
  const sum = (pick: (r: CliBenchRow) => number) => b.rows.reduce((n, r) => n + pick(r), 0);
  return [
    `fastest of ${b.rounds} rounds (median); the CLI's time is the whole process, start-up included`,
    `${'policy'.padEnd(11)} ${'tickets'.padStart(7)} ${'deadlines'.padStart(9)}  ${'CLI ms'.padStart(16)}  ${'walk ms'.padStart(17)}  ${'CLI faster by'.padStart(13)}  ${'start-up ms'.padStart(11)}  ${'tickets/s after start-up'.padStart(24)}`,
    ...b.rows.map((r) => {
      const cells = row(
        r.policy,
        fmt(r.tickets),
        fmt(r.deadlines),
        pair(r.cliMs, r.cliMedianMs),
        pair(r.walkMs, r.walkMedianMs),
        r.speedup,
      );
      return `${cells}  ${fmt(r.startupMs).padStart(11)}  ${fmt(r.steadyTicketsPerSecond).padStart(24)}`;
    }),
    row(
      'all',
      fmt(sum((r) => r.tickets)),
      fmt(sum((r) => r.deadlines)),
      pair(
        sum((r) => r.cliMs),
        sum((r) => r.cliMedianMs),
      ),
      pair(
        sum((r) => r.walkMs),
        sum((r) => r.walkMedianMs),
      ),
      sum((r) => r.walkMs) / sum((r) => r.cliMs),
    ),
    `goal: the whole CLI process ≥ ${b.goal}× faster than the walk: ${
      b.rows
        .filter((r) => r.speedup >= b.goal)
        .map((r) => r.policy)
        .join(', ') || 'no policy'
    } met it`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatCliBench(await benchCliJsonl()));
}
