import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import corePackage from '../../package.json' with { type: 'json' };
import { evaluateTicket } from '../evaluate/evaluate-ticket.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { findPolicy } from '../policies/find-policy.js';
import { toPolicyJsonSchema } from '../policy/policy-json-schema.js';
import type { Policy } from '../policy/policy-schema.js';
import type { Issue } from '../result.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import { instantSchema } from '../ticket/ticket-schema.js';
import { ChunkedOutput } from './chunked-output.js';
import { formatEvaluation } from './format-evaluation.js';
import { readLineBatches } from './read-line-batches.js';
import { readPolicyFile, resolvePolicy } from './resolve-policy.js';
import { runDemo } from './run-demo.js';
import { missingSchemaRef, schemaRef } from './schema-ref.js';
import { toReadableJson } from './to-readable-json.js';

export type Io = { stdin: Readable; stdout: Writable; stderr: Writable };

const usage = `plazo — apply a vendor's support policy to tickets

Usage: plazo <command> [options]

Commands:
  evaluate    evaluate one ticket, or one JSON ticket per line on stdin (--jsonl)
  policies    list the built-in policies
  policy      print one built-in policy as JSON, to save and edit
  validate    check a policy file; lists every problem by path
  schema      print the JSON Schema of the policy format
  demo        evaluate sample tickets of all five policies

Options:
  -h, --help     show this help; plazo <command> --help shows a command's
  -v, --version  print the version

Instants need an offset or Z, e.g. 2026-03-02T10:00:00-05:00.`;

function say(out: Writable, text: string): void {
  out.write(text.endsWith('\n') ? text : `${text}\n`);
}

function describeIssue(issue: Issue): string {
  const problems = issue.problems?.map((p) => `\n  ${p.path}: ${p.message}`).join('') ?? '';
  return `${issue.code}: ${issue.detail}${problems}`;
}

/**
 * `--now` pins the clock for reproducible output; the edge is the only place that reads the real one. It takes the
 * instants a ticket's createdAt takes, which Date.parse reads exactly.
 */
function parseNow(value: string | undefined): { ok: true; ms: number } | { ok: false; detail: string } {
  if (value === undefined) return { ok: true, ms: Date.now() };
  if (!instantSchema.safeParse(value).success) {
    return { ok: false, detail: `invalid --now "${value}": expected an ISO 8601 instant with an offset, e.g. 2026-03-02T10:00:00-05:00` };
  }
  return { ok: true, ms: Date.parse(value) };
}

/** Every this many tickets a terminal's stderr shows a running count; a pipe or a file gets only the summary. */
export const PROGRESS_EVERY = 10_000;

async function evaluateJsonl(policy: Policy, nowMs: number, io: Io): Promise<number> {
  let failed = 0;
  let evaluated = 0;
  let line = 0;
  const output = new ChunkedOutput(io.stdout);
  const terminal = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let counting = false;
  // The count is one line rewritten in place; anything else said on stderr first takes it away.
  const tell = (text: string) => {
    if (counting) io.stderr.write('\r\x1b[K');
    counting = false;
    say(io.stderr, text);
  };
  for await (const texts of readLineBatches(io.stdin)) {
    for (const text of texts) {
      line += 1;
      if (!/\S/.test(text)) continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        failed += 1;
        tell(`line ${line}: invalid-json: ${(error as Error).message}`);
        continue;
      }
      const ticket = parseTicket(json);
      if (!ticket.ok) {
        failed += 1;
        tell(`line ${line}: ${describeIssue(ticket.issue)}`);
        continue;
      }
      const evaluation = evaluateTicket(policy, ticket.value, nowMs);
      if (!evaluation.ok) {
        failed += 1;
        tell(`line ${line}: ticket ${ticket.value.id}: ${describeIssue(evaluation.issue)}`);
        continue;
      }
      evaluated += 1;
      if (terminal && evaluated % PROGRESS_EVERY === 0) {
        io.stderr.write(`\rplazo: ${evaluated} ticket(s) evaluated…`);
        counting = true;
      }
      const full = output.write(`${JSON.stringify(evaluation.value)}\n`);
      if (full) await full;
    }
  }
  await output.flush();
  // Silence on success says nothing when nothing came in, so an empty input is counted too; a counted batch ends with its total.
  if (failed > 0) tell(`plazo: ${evaluated} ticket(s) evaluated, ${failed} line(s) rejected`);
  else if (evaluated === 0) tell('plazo: 0 ticket(s) evaluated (no ticket lines on stdin)');
  else if (counting) tell(`plazo: ${evaluated} ticket(s) evaluated`);
  return failed > 0 ? 1 : 0;
}

type Values = Record<string, string | boolean | undefined>;

/** One command: its help, the options it accepts, at most how many positional arguments, and what it does. */
type Command = {
  usage: string;
  options: ParseArgsOptionsConfig;
  positionals: number;
  run: (values: Values, positionals: string[], io: Io) => number | Promise<number>;
};

const evaluateUsage = `Usage:
  plazo evaluate --policy <id|file.json> --subject <text> [--body <text>] [--created-at <instant>]
                 [--priority <id>] [--id <ticket id>] [--now <instant>]
      evaluate one ticket and print it readably (due times in the policy's zone and in UTC)
  plazo evaluate --policy <id|file.json> --jsonl [--now <instant>]
      read one JSON ticket per line on stdin: {"id","createdAt","subject","body","priority"?}
      and write one JSON evaluation per line on stdout; stderr names rejected lines and counts them

Options:
  --policy <id|file.json>  a built-in policy (see plazo policies) or a policy file
  --subject <text>         the ticket's subject
  --body <text>            the ticket's text (default: empty)
  --created-at <instant>   when the ticket was created (default: now)
  --priority <id>          a priority set by an agent, instead of triage's
  --id <ticket id>         the ticket's id in the report (default: cli-1)
  --now <instant>          the moment the SLA state is computed at (default: now)
  --jsonl                  read tickets from stdin instead of --subject and --body

Instants need an offset or Z, e.g. 2026-03-02T10:00:00-05:00.`;

async function evaluateCommand(values: Values, _: string[], io: Io): Promise<number> {
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const policyRef = str('policy');
  if (!policyRef) {
    say(io.stderr, `plazo evaluate: --policy is required; built-in policies: ${[...builtInPolicies.keys()].join(', ')}`);
    return 2;
  }
  const policy = await resolvePolicy(policyRef);
  if (!policy.ok) {
    say(io.stderr, `plazo evaluate: ${describeIssue(policy.issue)}`);
    return 2;
  }
  const now = parseNow(str('now'));
  if (!now.ok) {
    say(io.stderr, `plazo evaluate: ${now.detail}`);
    return 2;
  }
  if (values.jsonl === true) return evaluateJsonl(policy.value, now.ms, io);

  const subject = str('subject');
  if (subject === undefined) {
    say(io.stderr, 'plazo evaluate: give --subject (and --body, --created-at) for one ticket, or --jsonl to read tickets from stdin');
    return 2;
  }
  const createdAt = str('created-at') ?? new Date(now.ms).toISOString();
  const fields = { id: str('id') ?? 'cli-1', createdAt, subject, body: str('body') ?? '', priority: str('priority') };
  const ticket = parseTicket(fields);
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

function listPolicies(_: Values, __: string[], io: Io): number {
  for (const p of builtInPolicies.values()) {
    const zone = p.calendar
      ? `${p.calendar.zone}${p.calendar.holidays.country ? `, holidays ${p.calendar.holidays.country}` : ''}`
      : 'no open hours';
    const priorities = p.priorities.map((pr) => pr.id).join(' / ') || 'no priorities';
    say(io.stdout, `${p.id.padEnd(14)} ${p.vendor.padEnd(14)} ${priorities.padEnd(32)} ${zone}`);
  }
  return 0;
}

const policyUsage = `Usage: plazo policy <id> [--out <file.json>]

Prints a built-in policy (see plazo policies) as JSON, to save and edit into your own.
Its "$schema" points at the installed JSON Schema from the current folder, so editors check a file
saved here (plazo policy websaas > my-policy.json); with --out the file is written and "$schema"
points from that file's folder. Check your edits with plazo validate <file.json>.`;

async function printPolicy(values: Values, positionals: string[], io: Io): Promise<number> {
  const [id] = positionals;
  if (id === undefined) {
    say(io.stderr, `plazo policy: give a policy id; built-in policies: ${[...builtInPolicies.keys()].join(', ')}`);
    return 2;
  }
  const policy = findPolicy(builtInPolicies, id);
  if (!policy.ok) {
    say(io.stderr, `plazo policy: ${policy.issue.detail}`);
    return 2;
  }
  const out = typeof values.out === 'string' ? values.out : undefined;
  const { $schema: _, ...fields } = policy.value;
  const text = `${toReadableJson({ $schema: schemaRef(out ? dirname(resolve(out)) : process.cwd()), ...fields })}\n`;
  if (!out) {
    io.stdout.write(text);
    return 0;
  }
  try {
    await writeFile(out, text, { flag: 'wx' });
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists; plazo never overwrites one' : (error as Error).message;
    say(io.stderr, `plazo policy: cannot write ${out}: ${why}`);
    return 1;
  }
  say(io.stderr, `plazo policy: wrote ${out}`);
  return 0;
}

const validateUsage = `Usage: plazo validate <file.json>

Checks a policy file as Plazo reads it (shape, zone, holidays, triage rules) and lists every problem by
path; exits 1 if there is any. Warns when its "$schema" names no file, as editors then cannot check it.`;

async function validateCommand(_: Values, positionals: string[], io: Io): Promise<number> {
  const [path] = positionals;
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
  const schemaAdvice = missingSchemaRef(path, parsed.value.$schema);
  if (schemaAdvice) say(io.stderr, `${path}: warning: ${schemaAdvice}`);
  return 0;
}

const commands: ReadonlyMap<string, Command> = new Map<string, Command>([
  [
    'evaluate',
    {
      usage: evaluateUsage,
      positionals: 0,
      options: {
        policy: { type: 'string' },
        jsonl: { type: 'boolean' },
        now: { type: 'string' },
        id: { type: 'string' },
        subject: { type: 'string' },
        body: { type: 'string' },
        'created-at': { type: 'string' },
        priority: { type: 'string' },
      },
      run: evaluateCommand,
    },
  ],
  [
    'policies',
    {
      usage: 'Usage: plazo policies\n\nLists the built-in policies: id, vendor, priorities, zone and holidays.',
      positionals: 0,
      options: {},
      run: listPolicies,
    },
  ],
  ['policy', { usage: policyUsage, positionals: 1, options: { out: { type: 'string' } }, run: printPolicy }],
  ['validate', { usage: validateUsage, positionals: 1, options: {}, run: validateCommand }],
  [
    'schema',
    {
      usage: 'Usage: plazo schema\n\nPrints the JSON Schema of the policy format (the one installed as core/plazo-policy.schema.json).',
      positionals: 0,
      options: {},
      run: (_, __, io) => {
        say(io.stdout, JSON.stringify(toPolicyJsonSchema(), null, 2));
        return 0;
      },
    },
  ],
  [
    'demo',
    {
      usage: 'Usage: plazo demo\n\nEvaluates sample tickets of the five built-in policies, two hours after each was created.',
      positionals: 0,
      options: {},
      run: (_, __, io) => runDemo(io.stdout),
    },
  ],
]);

/** parseArgs throws on unknown or malformed flags: that is the user's input, so it is said plainly. */
function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

/** Runs one CLI invocation and returns its exit status; all output goes through `io`. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] !== undefined ? commands.get(rest[0]) : undefined;
    say(io.stdout, topic?.usage ?? usage);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    say(io.stdout, `plazo ${corePackage.version}`);
    return 0;
  }
  const command = commands.get(name);
  if (!command) {
    say(io.stderr, `plazo: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  let parsed: { values: Values; positionals: string[] };
  try {
    const options = { ...command.options, help: { type: 'boolean', short: 'h' } } satisfies ParseArgsOptionsConfig;
    parsed = parseArgs({ args: rest, options, allowPositionals: command.positionals > 0, strict: true }) as typeof parsed;
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    say(io.stderr, `plazo ${name}: ${error.message}\n\n${command.usage}`);
    return 2;
  }
  if (parsed.values.help === true) {
    say(io.stdout, command.usage);
    return 0;
  }
  if (parsed.positionals.length > command.positionals) {
    say(io.stderr, `plazo ${name}: unexpected argument "${parsed.positionals[command.positionals]}"\n\n${command.usage}`);
    return 2;
  }
  return command.run(parsed.values, parsed.positionals, io);
}
