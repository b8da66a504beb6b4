/**
 * Deadlines per second through `plazo evaluate --jsonl` (a real child process: parse, triage, deadlines, SLA, JSON out).
 * Process start-up is measured on a one-ticket run and reported apart, so the rate is the steady state.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { demoTickets } from '../src/cli/run-demo.js';

export type CliBenchRow = { policy: string; tickets: number; deadlines: number; ms: number; startupMs: number; ticketsPerSecond: number; deadlinesPerSecond: number };

const bin = fileURLToPath(new URL('../bin/plazo.js', import.meta.url));

function runCli(policy: string, input: string): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'evaluate', '--policy', policy, '--jsonl', '--now', '2026-06-01T12:00:00Z'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - t0, stdout: Buffer.concat(chunks).toString('utf8') }) : reject(new Error(`plazo exited ${code}`))));
    child.stdin.end(input);
  });
}

/** Tickets spread over 2026–2030 with the demo's texts, one JSON line each. */
function ticketsFor(policy: string, count: number): string {
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

export async function benchCliJsonl(options: { tickets?: number; policies?: readonly string[] } = {}): Promise<CliBenchRow[]> {
  const { tickets = 20_000, policies = ['peewah', 'websaas', 'skedu', 'infraspeak'] } = options;
  const rows: CliBenchRow[] = [];
  for (const policy of policies) {
    const startup = await runCli(policy, ticketsFor(policy, 1));
    const { ms, stdout } = await runCli(policy, ticketsFor(policy, tickets));
    const out = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { deadlines: Record<string, string | null> });
    const deadlines = out.reduce((n, e) => n + Object.values(e.deadlines).filter((d) => d !== null).length, 0);
    const steadyMs = Math.max(1, ms - startup.ms);
    rows.push({ policy, tickets: out.length, deadlines, ms, startupMs: startup.ms, ticketsPerSecond: (out.length / steadyMs) * 1000, deadlinesPerSecond: (deadlines / steadyMs) * 1000 });
  }
  return rows;
}

export function formatCliBench(rows: CliBenchRow[]): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    `${'policy'.padEnd(11)} ${'tickets'.padStart(8)} ${'deadlines'.padStart(10)} ${'total ms'.padStart(9)} ${'start-up ms'.padStart(11)} ${'tickets/s'.padStart(10)} ${'deadlines/s'.padStart(12)}`,
    ...rows.map((r) => `${r.policy.padEnd(11)} ${fmt(r.tickets).padStart(8)} ${fmt(r.deadlines).padStart(10)} ${r.ms.toFixed(0).padStart(9)} ${r.startupMs.toFixed(0).padStart(11)} ${fmt(r.ticketsPerSecond).padStart(10)} ${fmt(r.deadlinesPerSecond).padStart(12)}`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatCliBench(await benchCliJsonl()));
}
