/**
 * Deadlines per second through core's compiled calendar (`dueAt`), beside a plain day-by-day walk
 * with luxon and moment-business-time, on the same seeded random inputs; checks they agree on a sample.
 * A benchmark, not a test: run `npx tsx core/bench/deadlines.ts`, or call benchDeadlines() from `npm run bench`.
 */
import { DateTime } from 'luxon';
import moment from 'moment-timezone';
import 'moment-business-time';
import { fileURLToPath } from 'node:url';
import type { BusinessCalendar } from '../src/calendar/business-calendar.js';
import { compileCalendar } from '../src/calendar/compile-calendar.js';
import { publicHolidays } from '../src/calendar/public-holidays.js';
import { dueAt } from '../src/deadline/due-at.js';
import { targetDurationMs } from '../src/deadline/target-duration-ms.js';
import { builtInPolicies } from '../src/policies/built-in-policies.js';
import type { CalendarSpec, Target } from '../src/policy/policy-schema.js';

export type BenchOptions = {
  /** Deadlines per policy through the core API. */
  coreCount?: number;
  /** Deadlines per policy through the luxon day walk (slow). */
  walkCount?: number;
  /** Deadlines per policy through moment-business-time (slower); these inputs are also compared across the three. */
  peerCount?: number;
  seed?: number;
  policies?: readonly string[];
};

export type BenchRow = {
  policy: string;
  api: 'core dueAt' | 'luxon day walk' | 'moment-business-time';
  deadlines: number;
  ms: number;
  perSecond: number;
};

export type BenchResult = {
  rows: BenchRow[];
  /** Time to compile each policy calendar for the inputs' years (the 2020s and 2030s). */
  compileMs: Record<string, number>;
  /** Core throughput divided by the luxon walk's, per policy. */
  speedupVsWalk: Record<string, number>;
  /** Per policy, sampled inputs on which a method disagrees with core, and a few examples. */
  agreement: Record<string, { sample: number; walkMismatches: number; momentMismatches: number; examples: string[] }>;
  goals: { coreAtLeastOneMillionPerSecond: boolean; coreAtLeast20xWalk: boolean };
};

/** Seeded generator (mulberry32): the same inputs for every method and run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Week = [number, number][][];
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function weekOf(spec: CalendarSpec): Week {
  const week: Week = Array.from({ length: 8 }, () => []);
  for (const i of spec.week) week[i.day]!.push([minutes(i.open), minutes(i.close)]);
  for (const d of week) d.sort((a, b) => a[0] - b[0]);
  return week;
}

/** The naive way: walk day by day with luxon date objects, consuming each day's open hours. */
export function walkDueAt(startMs: number, durationMs: number, week: Week, holidays: ReadonlySet<string>, zone: string): number {
  let remaining = durationMs;
  let cursor = startMs;
  let day = DateTime.fromMillis(startMs, { zone }).startOf('day');
  for (let guard = 0; guard < 4000; guard++) {
    if (!holidays.has(day.toISODate()!)) {
      for (const [o, c] of week[day.weekday]!) {
        const open = day.set({ hour: Math.floor(o / 60), minute: o % 60 }).toMillis();
        const close = c === 1440 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: Math.floor(c / 60), minute: c % 60 }).toMillis();
        if (cursor >= close) continue;
        const from = Math.max(cursor, open);
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
        cursor = close;
      }
    }
    day = day.plus({ days: 1 });
  }
  return Number.NaN;
}

/** The naive way to count business time in [fromMs, toMs): day by day with luxon, summing each day's open hours. */
export function walkBusinessTimeBetween(fromMs: number, toMs: number, week: Week, holidays: ReadonlySet<string>, zone: string): number {
  let counted = 0;
  let day = DateTime.fromMillis(fromMs, { zone }).startOf('day');
  for (let guard = 0; guard < 40_000 && day.toMillis() < toMs; guard++) {
    if (!holidays.has(day.toISODate()!)) {
      for (const [o, c] of week[day.weekday]!) {
        const open = day.set({ hour: Math.floor(o / 60), minute: o % 60 }).toMillis();
        const close = c === 1440 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: Math.floor(c / 60), minute: c % 60 }).toMillis();
        counted += Math.max(0, Math.min(close, toMs) - Math.max(open, fromMs));
      }
    }
    day = day.plus({ days: 1 });
  }
  return counted;
}

type WorkingMoment = moment.Moment & { addWorkingTime(amount: number, unit: string): WorkingMoment };

/** moment-business-time keeps its hours and holidays in the global locale, so each policy sets them first. */
function configureMoment(spec: CalendarSpec, holidays: readonly string[]): void {
  const workinghours: Record<number, string[] | null> = {};
  for (let d = 0; d < 7; d++) {
    const iso = d === 0 ? 7 : d;
    const list = spec.week.filter((i) => i.day === iso).flatMap((i) => [`${i.open}:00`, `${i.close}:00`]);
    workinghours[d] = list.length > 0 ? list : null;
  }
  moment.updateLocale('en', { workinghours, holidays } as moment.LocaleSpecification);
}

/** moment-timezone knows IANA zones only, so a fixed offset ("UTC-4") becomes a moment with that UTC offset. */
function momentDueAt(startMs: number, durationMs: number, zone: string, fixedOffsetMinutes: number | null): number {
  const m = fixedOffsetMinutes === null ? moment.tz(startMs, zone) : moment.utc(startMs).utcOffset(fixedOffsetMinutes);
  return (m as WorkingMoment).addWorkingTime(durationMs, 'milliseconds').valueOf();
}

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

export function benchDeadlines(options: BenchOptions = {}): BenchResult {
  const {
    coreCount = 2_000_000,
    walkCount = 10_000,
    peerCount = 2_000,
    seed = 20_260_302,
    policies = ['peewah', 'websaas', 'skedu', 'infraspeak'],
  } = options;
  const result: BenchResult = {
    rows: [],
    compileMs: {},
    speedupVsWalk: {},
    agreement: {},
    goals: { coreAtLeastOneMillionPerSecond: true, coreAtLeast20xWalk: true },
  };
  const from = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2031, 0, 1) - from;

  for (const id of policies) {
    const policy = builtInPolicies.get(id);
    const spec = policy?.calendar;
    if (!policy || !spec) continue;
    let calendar: BusinessCalendar | null = null;
    result.compileMs[id] = time(() => {
      const r = compileCalendar(spec);
      if (!r.ok) return;
      calendar = r.value;
      // A calendar compiles a decade when an instant first needs it: the inputs' years, 2026–2030, are the 2020s and 2030s.
      r.value.isOpen(from);
      r.value.isOpen(from + span);
    });
    if (!calendar) throw new Error(`cannot compile ${id}`);
    const cal: BusinessCalendar = calendar;
    const targets = [policy.targets, ...policy.priorities.map((p) => p.targets)]
      .flatMap((t) => [t?.firstResponse, t?.resolution])
      .filter((t): t is Target => t != null && t.clock === 'business');
    const next = random(seed);
    const starts = new Float64Array(coreCount);
    const which = new Uint8Array(coreCount);
    for (let i = 0; i < coreCount; i++) {
      starts[i] = from + Math.floor(next() * span);
      which[i] = Math.floor(next() * targets.length);
    }
    const durations = targets.map((t) => {
      const d = targetDurationMs(t, cal);
      return d.ok ? d.value : 0;
    });
    const holidayList = publicHolidays(spec.holidays.country ?? 'CO', 2026, 2032);
    const holidays = holidayList.ok && spec.holidays.country ? holidayList.value : [];
    const holidaySet = new Set(holidays);
    const week = weekOf(spec);
    const zone = cal.zone;
    const fixedOffset = cal.luxonZone.isUniversal ? cal.luxonZone.offset(from) : null;
    configureMoment(spec, holidays);
    const coreOut = new Float64Array(coreCount);
    const walkOut = new Float64Array(Math.min(walkCount, coreCount));
    const peerOut = new Float64Array(Math.min(peerCount, coreCount));

    // Core: the public API a caller uses, including the Result it returns.
    const runCore = (n: number) => {
      for (let i = 0; i < n; i++) {
        const r = dueAt(targets[which[i]!]!, starts[i]!, cal);
        coreOut[i] = r.ok ? r.value : Number.NaN;
      }
    };
    runCore(Math.min(coreCount, 100_000)); // warm-up: let the JIT compile the hot path
    const coreMs = time(() => runCore(coreCount));
    const walkMs = time(() => {
      for (let i = 0; i < walkOut.length; i++) walkOut[i] = walkDueAt(starts[i]!, durations[which[i]!]!, week, holidaySet, zone);
    });
    const momentMs = time(() => {
      for (let i = 0; i < peerOut.length; i++) peerOut[i] = momentDueAt(starts[i]!, durations[which[i]!]!, zone, fixedOffset);
    });

    const row = (api: BenchRow['api'], deadlines: number, ms: number): BenchRow => ({
      policy: id,
      api,
      deadlines,
      ms,
      perSecond: (deadlines / ms) * 1000,
    });
    const core = row('core dueAt', coreCount, coreMs);
    const walk = row('luxon day walk', walkOut.length, walkMs);
    result.rows.push(core, walk, row('moment-business-time', peerOut.length, momentMs));
    result.speedupVsWalk[id] = core.perSecond / walk.perSecond;
    if (core.perSecond < 1_000_000) result.goals.coreAtLeastOneMillionPerSecond = false;
    if (result.speedupVsWalk[id]! < 20) result.goals.coreAtLeast20xWalk = false;

    // Compare on the inputs all three computed (the timed runs' own outputs).
    const agreement = {
      sample: Math.min(walkOut.length, peerOut.length),
      walkMismatches: 0,
      momentMismatches: 0,
      examples: [] as string[],
    };
    for (let i = 0; i < agreement.sample; i++) {
      const d = durations[which[i]!]!;
      const [c, w, m] = [coreOut[i]!, walkOut[i]!, peerOut[i]!];
      if (w !== c) agreement.walkMismatches++;
      if (m !== c) agreement.momentMismatches++;
      if ((w !== c || m !== c) && agreement.examples.length < 3) {
        const show = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
        agreement.examples.push(`${show(starts[i]!)} + ${d / 3_600_000} h: core ${show(c)}, walk ${show(w)}, moment ${show(m)}`);
      }
    }
    result.agreement[id] = agreement;
  }
  return result;
}

export function formatBench(r: BenchResult): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const lines = [
    `${'policy'.padEnd(11)} ${'api'.padEnd(21)} ${'deadlines'.padStart(10)} ${'ms'.padStart(9)} ${'deadlines/s'.padStart(12)}`,
    ...r.rows.map(
      (x) =>
        `${x.policy.padEnd(11)} ${x.api.padEnd(21)} ${fmt(x.deadlines).padStart(10)} ${x.ms.toFixed(1).padStart(9)} ${fmt(x.perSecond).padStart(12)}`,
    ),
    '',
    ...Object.keys(r.speedupVsWalk).map((id) => {
      const a = r.agreement[id]!;
      return `${id.padEnd(11)} compile ${r.compileMs[id]!.toFixed(1)} ms, core ${r.speedupVsWalk[id]!.toFixed(0)}× the luxon walk; of ${a.sample} sampled deadlines the walk disagrees on ${a.walkMismatches}, moment-business-time on ${a.momentMismatches}`;
    }),
    ...Object.values(r.agreement).flatMap((a) => a.examples.map((e) => `  e.g. ${e}`)),
    '',
    `goal ≥ 1,000,000 deadlines/s through core: ${r.goals.coreAtLeastOneMillionPerSecond ? 'met' : 'NOT met'}; goal ≥ 20× the walk: ${r.goals.coreAtLeast20xWalk ? 'met' : 'NOT met'}`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatBench(benchDeadlines()));
}
