// `npx tsx core/bench/triage.ts`: triage classifications per second on ~1 KB tickets, one core, beside the same policies
// read by their rules alone (no text model) in the same rounds.
import { fileURLToPath } from 'node:url';
import { loadSlice } from '../eval/eval-set.js';
import { withoutTextModel } from '../eval/without-text-model.js';
import { builtInPolicies } from '../src/policies/built-in-policies.js';
import { triage } from '../src/triage/triage.js';

export type TriageBenchRow = {
  policy: string;
  tickets: number;
  averageBytes: number;
  perSecond: number;
  microsPerTicket: number;
  medianPerSecond: number;
};
export type TriageBench = {
  rows: TriageBenchRow[];
  overallPerSecond: number;
  overallMedianPerSecond: number;
  /** The same tickets and rounds with the policies' text models removed: what the second reader costs. */
  rulesAlonePerSecond: number;
  rulesAloneMedianPerSecond: number;
  goalPerSecond: number;
  samples: number;
};

const GOAL = 20_000;
const WARM_UP_MS = 400;
const SAMPLES = 7;
const SAMPLE_TICKETS = 3_000;

/** ~1 KB tickets made of the evaluation set's own texts, so the words are realistic and varied. */
function tickets(policy: string): { subject: string; body: string }[] {
  // The texts only: reading the slice triages nothing before the clock starts.
  const cases = loadSlice('dev').map((x) => x.case);
  return cases
    .filter((c) => c.policy === policy)
    .map((c, i) => {
      let body = c.body;
      for (let j = 1; body.length < 1000; j++) body += `\n${cases[(i * 7 + j * 13) % cases.length]!.body}`;
      return { subject: c.subject, body: body.slice(0, 1000) };
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Each policy is warmed up for WARM_UP_MS (the JIT reaches its steady state), then timed in SAMPLES rounds of
 * SAMPLE_TICKETS tickets, the policies taking turns. A policy's figure is its fastest round: on a shared machine a
 * slower round measures the neighbours, not the code (as Python's timeit advises); the median round is shown beside it.
 */
export function benchTriage(): TriageBench {
  const sets = [...builtInPolicies].flatMap(([id, policy]) => {
    const set = tickets(id);
    return [
      { id, model: true, policy, set, ms: [] as number[] },
      { id, model: false, policy: withoutTextModel(policy), set, ms: [] as number[] },
    ];
  });
  for (const { policy, set } of sets) {
    const until = performance.now() + WARM_UP_MS;
    for (let i = 0; performance.now() < until; i++) triage(policy, set[i % set.length]!);
  }
  for (let round = 0; round < SAMPLES; round++) {
    for (const s of sets) {
      const start = performance.now();
      for (let i = 0; i < SAMPLE_TICKETS; i++) triage(s.policy, s.set[(round * SAMPLE_TICKETS + i) % s.set.length]!);
      s.ms.push(performance.now() - start);
    }
  }
  const rows = sets
    .filter((s) => s.model)
    .map(({ id, set, ms }): TriageBenchRow => {
      const averageBytes = Math.round(set.reduce((n, t) => n + Buffer.byteLength(t.subject + t.body), 0) / set.length);
      const perSecond = (m: number) => Math.round((SAMPLE_TICKETS / m) * 1000);
      const fastest = Math.min(...ms);
      return {
        policy: id,
        tickets: SAMPLES * SAMPLE_TICKETS,
        averageBytes,
        perSecond: perSecond(fastest),
        microsPerTicket: Math.round((fastest / SAMPLE_TICKETS) * 1000 * 10) / 10,
        medianPerSecond: perSecond(median(ms)),
      };
    });
  // Overall: the same number of tickets of every policy.
  const overall = (model: boolean, pick: (ms: number[]) => number) => {
    const of = sets.filter((s) => s.model === model);
    return Math.round(((of.length * SAMPLE_TICKETS) / of.reduce((n, s) => n + pick(s.ms), 0)) * 1000);
  };
  const fastest = (ms: number[]) => Math.min(...ms);
  return {
    rows,
    overallPerSecond: overall(true, fastest),
    overallMedianPerSecond: overall(true, median),
    rulesAlonePerSecond: overall(false, fastest),
    rulesAloneMedianPerSecond: overall(false, median),
    goalPerSecond: GOAL,
    samples: SAMPLES,
  };
}

export function formatTriageBench(b: TriageBench): string {
  const lines = [`policy         tickets  avg bytes  classifications/s (fastest of ${b.samples} rounds)  median round  µs/ticket`];
  for (const r of b.rows)
    lines.push(
      `${r.policy.padEnd(14)} ${String(r.tickets).padStart(7)} ${String(r.averageBytes).padStart(10)} ${String(r.perSecond).padStart(36)} ${String(r.medianPerSecond).padStart(13)} ${String(r.microsPerTicket).padStart(10)}`,
    );
  lines.push(
    `overall: ${b.overallPerSecond} classifications/s, median round ${b.overallMedianPerSecond} (goal ≥ ${b.goalPerSecond}) ${b.overallPerSecond >= b.goalPerSecond ? 'MET' : 'NOT MET'}`,
    `baseline, the same rounds read by the rules alone (no text model): ${b.rulesAlonePerSecond} classifications/s, median round ${b.rulesAloneMedianPerSecond}`,
  );
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatTriageBench(benchTriage()));
