// `npx tsx core/bench/worst-case.ts`: the CPU time of the costliest requests Plazo accepts, beside an ordinary ticket,
// and how triage's cost grows with the text it reads (linear: doubling the text doubles the time).
import { fileURLToPath } from 'node:url';
import { loadSlice } from '../eval/eval-set.js';
import { evaluateTicket } from '../src/evaluate/evaluate-ticket.js';
import { builtInPolicies } from '../src/policies/built-in-policies.js';
import { parsePolicy } from '../src/policy/parse-policy.js';
import type { Policy } from '../src/policy/policy-schema.js';
import { parseTicket } from '../src/ticket/parse-ticket.js';
import { MAX_COMPILED_SLOTS, MAX_TERMS } from '../src/triage/compile-triage.js';
import { TRIAGE_BODY_CHARS, triage } from '../src/triage/triage.js';
import { freshWords } from './fresh-words.mjs';

const ROUNDS = 7;
const NOW = Date.parse('2026-03-02T12:00:00-05:00');

/** CPU milliseconds (user + system) of one call. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Calls made before timing, so that the JIT has compiled what the timed calls run (an isolate serves many requests). */
const WARM_UP = 5;

/** The median of ROUNDS calls after WARM_UP calls; `make` builds each call's input outside the timing. */
function measure<T>(make: (round: number) => T, run: (input: T) => void): number {
  for (let i = 1; i <= WARM_UP; i++) run(make(-i));
  const ms: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const input = make(round);
    ms.push(cpuMs(() => run(input)));
  }
  return median(ms);
}

/** Texts that made a scan cost the square of its length before it was made linear, and ordinary prose. */
const texts: Record<string, (chars: number, seed: number) => string> = {
  'ordinary words': (n) =>
    'El punto de venta está detenido y no podemos facturar desde la mañana, la caja muestra un error. '.repeat(n / 90 + 1).slice(0, n),
  'one phrase repeated': (n) => 'urgente no funciona '.repeat(n / 20 + 1).slice(0, n),
  'dotted run (a.a.a…)': (n) => 'a.'.repeat(n / 2),
  'dotted run ending in ;x.co': (n) => `${'a.'.repeat(n / 2 - 3)};x.co`,
  'line breaks only': (n) => '\n'.repeat(n),
  'URLs and e-mails': (n) => 'ver https://x.co/a y ana@x.com '.repeat(n / 30 + 1).slice(0, n),
  'words never seen': (n, seed) => freshWords(n, seed),
};

type Row = { label: string; ms: number };

/** A copy of the policy with rules added until one more would pass the compile limits: the costliest policy accepted. */
/** A policy as JSON, with the triage fields these benches change. */
type PolicyJson = { id: string; triage: { lexicon: Record<string, string[]>; priorities: unknown[]; flags: unknown[] } };

function heaviestAcceptedPolicy(base: Policy): { policy: unknown; patterns: number } {
  const json = JSON.parse(JSON.stringify(base)) as PolicyJson;
  json.id = 'heavy';
  json.triage.lexicon.many = 'bcdfghjk'.split('').map((l) => `${l}aa|${l}ee`);
  const rule = (i: number) => ({ id: `heavy-${i}`, priority: base.priorities.at(-1)!.id, patterns: ['@many @many @many @many'] });
  let accepted: PolicyJson | null = null;
  for (let n = 1; ; n++) {
    const next = {
      ...json,
      triage: { ...json.triage, priorities: [...json.triage.priorities, ...Array.from({ length: n }, (_, i) => rule(i))] },
    };
    if (!parsePolicy(next).ok) return { policy: accepted, patterns: n - 1 };
    accepted = next;
  }
}

/** A copy with as many distinct typo-tolerant words as the limit allows: every unknown ticket word is compared with each. */
function wordiestAcceptedPolicy(base: Policy): unknown {
  const json = JSON.parse(JSON.stringify(base)) as PolicyJson;
  const words = freshWords(MAX_TERMS * 12, 99)
    .split(' ')
    .filter(Boolean);
  for (let take = MAX_TERMS; take > 0; take -= 50) {
    const next = {
      ...json,
      id: 'wordy',
      triage: { ...json.triage, flags: [...json.triage.flags, { id: 'wordy', flag: 'wordy', patterns: [words.slice(0, take).join('|')] }] },
    };
    if (parsePolicy(next).ok) return next;
  }
  throw new Error('no wordy policy passes the limits');
}

export type WorstCaseBench = { rows: Row[]; growth: { text: string; ms: number[] }[]; sizes: number[] };

export function benchWorstCase(): WorstCaseBench {
  const websaas = builtInPolicies.get('websaas')!;
  const ordinary = loadSlice('dev')
    .map((x) => x.case)
    .filter((c) => c.policy === 'websaas');
  const evaluate = (policy: Policy, subject: string, body: string) => {
    const ticket = parseTicket({ id: 'T-1', createdAt: '2026-03-02T10:00:00-05:00', subject, body });
    if (!ticket.ok) throw new Error(ticket.issue.detail);
    const result = evaluateTicket(policy, ticket.value, NOW);
    if (!result.ok) throw new Error(result.issue.detail);
  };
  /** Parsing and compiling the policy are part of each request that sends one inline. */
  const evaluateInline = (document: unknown, body: string) => {
    const policy = parsePolicy(structuredClone(document));
    if (!policy.ok) throw new Error(policy.issue.detail);
    evaluate(policy.value, 'Consulta', body);
  };
  const worstOf = (chars: number) => {
    let worst = { name: '', ms: 0 };
    for (const [name, make] of Object.entries(texts)) {
      const ms = measure(
        (round) => make(chars, 10 + round),
        (body) => evaluate(websaas, 'Consulta', body),
      );
      if (ms > worst.ms) worst = { name, ms };
    }
    return worst;
  };

  const rows: Row[] = [];
  rows.push({
    label: 'ordinary ticket (eval texts, websaas)',
    ms: measure(
      (r) => ordinary[(r + WARM_UP) % ordinary.length]!,
      (c) => evaluate(websaas, c.subject, c.body),
    ),
  });
  const worst = worstOf(TRIAGE_BODY_CHARS);
  rows.push({ label: `worst ${TRIAGE_BODY_CHARS.toLocaleString('en-US')}-character body read in full (${worst.name})`, ms: worst.ms });
  const huge = texts[worst.name]!;
  rows.push({
    label: `900,000-character body of the same (only the first ${TRIAGE_BODY_CHARS.toLocaleString('en-US')} read)`,
    ms: measure(
      (round) => huge(900_000, 100 + round),
      (body) => evaluate(websaas, 'Consulta', body),
    ),
  });
  const inline = JSON.parse(JSON.stringify(websaas));
  rows.push({
    label: 'inline policy (a copy of websaas) + ordinary ticket',
    ms: measure(
      () => inline,
      (doc) => evaluateInline(doc, ordinary[0]!.body),
    ),
  });
  const heavy = heaviestAcceptedPolicy(websaas);
  rows.push({
    label: `inline policy at the compile limit (${MAX_COMPILED_SLOTS.toLocaleString('en-US')} slots) + ordinary ticket`,
    ms: measure(
      () => heavy.policy,
      (doc) => evaluateInline(doc, ordinary[0]!.body),
    ),
  });
  const wordy = wordiestAcceptedPolicy(websaas);
  rows.push({
    label: `inline policy of ${MAX_TERMS.toLocaleString('en-US')} words + ${TRIAGE_BODY_CHARS.toLocaleString('en-US')} characters of words never seen`,
    ms: measure(
      (round) => ({ doc: wordy, body: freshWords(TRIAGE_BODY_CHARS, 200 + round) }),
      ({ doc, body }) => evaluateInline(doc, body),
    ),
  });

  const sizes = [TRIAGE_BODY_CHARS / 8, TRIAGE_BODY_CHARS / 4, TRIAGE_BODY_CHARS / 2, TRIAGE_BODY_CHARS];
  const growth = Object.entries(texts).map(([text, make]) => ({
    text,
    ms: sizes.map((n) =>
      measure(
        (round) => make(n, 1000 * n + round),
        (body) => triage(websaas, { subject: 'Consulta', body }),
      ),
    ),
  }));
  return { rows, growth, sizes };
}

export function formatWorstCase(b: WorstCaseBench): string {
  const base = b.rows[0]!.ms;
  const lines = ['request (core work: parse, compile when inline, triage, deadlines)          CPU ms (median)   × ordinary'];
  for (const r of b.rows) lines.push(`${r.label.padEnd(84)} ${r.ms.toFixed(2).padStart(8)} ${(r.ms / base).toFixed(0).padStart(11)}`);
  lines.push('', `triage CPU ms by characters read (websaas); linear growth doubles with each column, the square would quadruple`);
  lines.push(
    `${'text'.padEnd(30)}${b.sizes.map((n) => n.toLocaleString('en-US').padStart(9)).join('')}   last/first (linear: ${b.sizes.at(-1)! / b.sizes[0]!})`,
  );
  for (const g of b.growth) {
    lines.push(
      `${g.text.padEnd(30)}${g.ms.map((ms) => ms.toFixed(2).padStart(9)).join('')}   ${(g.ms.at(-1)! / Math.max(g.ms[0]!, 0.01)).toFixed(1).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatWorstCase(benchWorstCase()));
