import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { evaluateTicket } from '../evaluate/evaluate-ticket.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { findPolicy } from '../policies/find-policy.js';
import { toPolicyJsonSchema } from '../policy/policy-json-schema.js';
import type { Policy } from '../policy/policy-schema.js';
import type { Issue } from '../result.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import { formatEvaluation } from './format-evaluation.js';
import { readLines } from './read-lines.js';
import { readPolicyFile, resolvePolicy } from './resolve-policy.js';
import { runDemo } from './run-demo.js';

export type Io = { stdin: Readable; stdout: Writable; stderr: Writable };

const usage = `plazo — apply a vendor's support policy to tickets

Usage:
  plazo evaluate --policy <id|file.json> --jsonl [--now <ISO instant>]
      read one JSON ticket per line on stdin: {"id","createdAt","subject","body","priority"?}
      and write one JSON evaluation per line on stdout
  plazo evaluate --policy <id|file.json> --subject <text> [--body <text>] [--created-at <ISO instant>]
                 [--priority <id>] [--id <ticket id>] [--now <ISO instant>]
      evaluate one ticket and print it readably (due times in the policy's zone and in UTC)
  plazo policies            list the built-in policies
  plazo policy <id>         print one policy as JSON
  plazo validate <file>     check a policy file; lists every problem by path
  plazo schema              print the JSON Schema of the policy format
  plazo demo                evaluate sample tickets of all five policies

Instants need an offset or Z, e.g. 2026-03-02T10:00:00-05:00.`;

function say(out: Writable, text: string): void {
  out.write(text.endsWith('\n') ? text : `${text}\n`);
}

function describeIssue(issue: Issue): string {
  const problems = issue.problems?.map((p) => `\n  ${p.path}: ${p.message}`).join('') ?? '';
  return `${issue.code}: ${issue.detail}${problems}`;
}

/** `--now` pins the clock for reproducible output; the edge is the only place that reads the real one. */
function parseNow(value: string | undefined): { ok: true; ms: number } | { ok: false; detail: string } {
  if (value === undefined) return { ok: true, ms: Date.now() };
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid || !/(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    return { ok: false, detail: `invalid --now "${value}": expected an ISO 8601 instant with an offset, e.g. 2026-03-02T10:00:00-05:00` };
  }
  return { ok: true, ms: dt.toMillis() };
}

async function evaluateJsonl(policy: Policy, nowMs: number, io: Io): Promise<number> {
  let failed = 0;
  let evaluated = 0;
  for await (const { line, text } of readLines(io.stdin)) {
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      failed += 1;
      say(io.stderr, `line ${line}: invalid-json: ${(error as Error).message}`);
      continue;
    }
    const ticket = parseTicket(json);
    if (!ticket.ok) {
      failed += 1;
      say(io.stderr, `line ${line}: ${describeIssue(ticket.issue)}`);
      continue;
    }
    const evaluation = evaluateTicket(policy, ticket.value, nowMs);
    if (!evaluation.ok) {
      failed += 1;
      say(io.stderr, `line ${line}: ticket ${ticket.value.id}: ${describeIssue(evaluation.issue)}`);
      continue;
    }
    evaluated += 1;
    io.stdout.write(`${JSON.stringify(evaluation.value)}\n`);
  }
  if (failed > 0) say(io.stderr, `plazo: ${evaluated} ticket(s) evaluated, ${failed} line(s) rejected`);
  return failed > 0 ? 1 : 0;
}

async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      jsonl: { type: 'boolean', default: false },
      now: { type: 'string' },
      id: { type: 'string', default: 'cli-1' },
      subject: { type: 'string' },
      body: { type: 'string', default: '' },
      'created-at': { type: 'string' },
      priority: { type: 'string' },
    },
  });
  if (!values.policy) {
    say(io.stderr, `plazo evaluate: --policy is required; built-in policies: ${[...builtInPolicies.keys()].join(', ')}`);
    return 2;
  }
  const policy = await resolvePolicy(values.policy);
  if (!policy.ok) {
    say(io.stderr, `plazo evaluate: ${describeIssue(policy.issue)}`);
    return 2;
  }
  const now = parseNow(values.now);
  if (!now.ok) {
    say(io.stderr, `plazo evaluate: ${now.detail}`);
    return 2;
  }
  if (values.jsonl) return evaluateJsonl(policy.value, now.ms, io);

  if (values.subject === undefined) {
    say(io.stderr, 'plazo evaluate: give --subject (and --body, --created-at) for one ticket, or --jsonl to read tickets from stdin');
    return 2;
  }
  const createdAt = values['created-at'] ?? DateTime.fromMillis(now.ms).toISO();
  const ticket = parseTicket({ id: values.id, createdAt, subject: values.subject, body: values.body, priority: values.priority });
  if (!ticket.ok) {
    say(io.stderr, `plazo evaluate: ${describeIssue(ticket.issue)}`);
    return 2;
  }
  const evaluation = evaluateTicket(policy.value, ticket.value, now.ms);
  if (!evaluation.ok) {
    say(io.stderr, `plazo evaluate: ${describeIssue(evaluation.issue)}`);
    return 2;
  }
  say(io.stdout, formatEvaluation(evaluation.value, policy.value));
  return 0;
}

function listPolicies(io: Io): number {
  for (const p of builtInPolicies.values()) {
    const zone = p.calendar ? `${p.calendar.zone}${p.calendar.holidays.country ? `, holidays ${p.calendar.holidays.country}` : ''}` : 'no open hours';
    const priorities = p.priorities.map((pr) => pr.id).join(' / ') || 'no priorities';
    say(io.stdout, `${p.id.padEnd(14)} ${p.vendor.padEnd(14)} ${priorities.padEnd(32)} ${zone}`);
  }
  return 0;
}

async function validateCommand(path: string | undefined, io: Io): Promise<number> {
  if (!path) {
    say(io.stderr, 'plazo validate: give the path of a policy file, e.g. plazo validate my-policy.json');
    return 2;
  }
  const parsed = await readPolicyFile(path);
  if (!parsed.ok) {
    say(io.stderr, `${path}: ${describeIssue(parsed.issue)}`);
    return 1;
  }
  say(io.stdout, `${path}: valid policy "${parsed.value.id}" (${parsed.value.priorities.length} priorities)`);
  return 0;
}

/** Runs one CLI invocation and returns its exit status; all output goes through `io`. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'evaluate':
        return await evaluateCommand(rest, io);
      case 'policies':
        return listPolicies(io);
      case 'policy': {
        const policy = findPolicy(rest[0] ?? '');
        if (!policy.ok) {
          say(io.stderr, `plazo policy: ${policy.issue.detail}`);
          return 2;
        }
        say(io.stdout, JSON.stringify(policy.value, null, 2));
        return 0;
      }
      case 'validate':
        return await validateCommand(rest[0], io);
      case 'schema':
        say(io.stdout, JSON.stringify(toPolicyJsonSchema(), null, 2));
        return 0;
      case 'demo':
        return runDemo(io.stdout);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        say(io.stdout, usage);
        return 0;
      default:
        say(io.stderr, `plazo: unknown command "${command}"\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    // parseArgs throws on unknown or malformed flags: that is the user's input, so say it plainly.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      say(io.stderr, `plazo ${command}: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
