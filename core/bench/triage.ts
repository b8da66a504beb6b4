// `npx tsx core/bench/triage.ts`: triage classifications per second on ~1 KB tickets, one core.
import { fileURLToPath } from 'node:url';
import { runEvalSet } from '../eval/eval-set.js';
import { builtInPolicies } from '../src/policies/built-in-policies.js';
import { triage } from '../src/triage/triage.js';

export type TriageBenchRow = { policy: string; tickets: number; averageBytes: number; perSecond: number; microsPerTicket: number };
export type TriageBench = { rows: TriageBenchRow[]; overallPerSecond: number; goalPerSecond: number };

const GOAL = 20_000;

/** ~1 KB tickets made of the evaluation set's own texts, so the words are realistic and varied. */
function tickets(policy: string): { subject: string; body: string }[] {
  const cases = runEvalSet(['dev']).map((o) => o.case);
  const own = cases.filter((c) => c.policy === policy);
  const all = cases;
  return own.map((c, i) => {
    let body = c.body;
    for (let j = 1; body.length < 1000; j++) body += `\n${all[(i * 7 + j * 13) % all.length]!.body}`;
    return { subject: c.subject, body: body.slice(0, 1000) };
  });
}

export function benchTriage(iterations = 20_000): TriageBench {
  const rows: TriageBenchRow[] = [];
  let totalTickets = 0;
  let totalMs = 0;
  for (const [id, policy] of builtInPolicies) {
    const set = tickets(id);
    for (let i = 0; i < 500; i++) triage(policy, set[i % set.length]!); // warm-up: JIT and the word cache
    const start = performance.now();
    for (let i = 0; i < iterations; i++) triage(policy, set[i % set.length]!);
    const ms = performance.now() - start;
    const averageBytes = Math.round(set.reduce((n, t) => n + Buffer.byteLength(t.subject + t.body), 0) / set.length);
    rows.push({ policy: id, tickets: iterations, averageBytes, perSecond: Math.round((iterations / ms) * 1000), microsPerTicket: Math.round((ms / iterations) * 1000 * 10) / 10 });
    totalTickets += iterations;
    totalMs += ms;
  }
  return { rows, overallPerSecond: Math.round((totalTickets / totalMs) * 1000), goalPerSecond: GOAL };
}

export function formatTriageBench(b: TriageBench): string {
  const lines = ['policy         tickets  avg bytes  classifications/s  µs/ticket'];
  for (const r of b.rows) lines.push(`${r.policy.padEnd(14)} ${String(r.tickets).padStart(7)} ${String(r.averageBytes).padStart(10)} ${String(r.perSecond).padStart(18)} ${String(r.microsPerTicket).padStart(10)}`);
  lines.push(`overall: ${b.overallPerSecond} classifications/s (goal ≥ ${b.goalPerSecond}) ${b.overallPerSecond >= b.goalPerSecond ? 'MET' : 'NOT MET'}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatTriageBench(benchTriage()));
