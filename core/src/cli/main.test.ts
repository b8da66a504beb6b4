import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import corePackage from '../../package.json' with { type: 'json' };
import { main, PROGRESS_EVERY } from './main.js';

async function run(argv: string[], stdinText = '', options: { terminal?: boolean } = {}) {
  const stdout = new PassThrough();
  // A terminal's stderr is a tty.WriteStream; isTTY is what the CLI asks of it.
  const stderr = Object.assign(new PassThrough(), { isTTY: options.terminal === true });
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const status = await main(argv, { stdin: Readable.from([stdinText]), stdout, stderr });
  return { status, out, err, lines: out.split('\n').filter(Boolean) };
}

const monday16 = { id: 'T-1', createdAt: '2026-03-09T16:00:00-05:00', subject: 'Reporte lento', body: 'x', priority: 'importante' };

describe('plazo evaluate --jsonl', () => {
  it('writes one evaluation per ticket with the contract fields and business-time deadlines', async () => {
    const { status, lines, err } = await run(
      ['evaluate', '--policy', 'websaas', '--jsonl', '--now', '2026-03-09T16:30:00-05:00'],
      `${JSON.stringify(monday16)}\n`,
    );
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    const evaluation = JSON.parse(lines[0]!);
    expect(Object.keys(evaluation)).toEqual(
      expect.arrayContaining(['id', 'policy', 'priority', 'tier', 'excluded', 'flags', 'reasons', 'deadlines']),
    );
    // 1 business hour from Monday 16:00 is 17:00; 16 business hours are 1.5 h Monday + 10.5 h Tuesday + 4 h Wednesday.
    expect(evaluation).toMatchObject({ id: 'T-1', policy: 'websaas', priority: 'importante', excluded: false });
    expect(evaluation.deadlines).toEqual({ firstResponse: '2026-03-09T17:00:00-05:00', resolution: '2026-03-11T11:00:00-05:00' });
  });

  it('rejects bad lines by number, still evaluates the others, and exits non-zero', async () => {
    const input = [
      JSON.stringify(monday16),
      '{"id": "T-2", "createdAt": ',
      JSON.stringify({ ...monday16, id: 'T-3', createdAt: '2026-03-09 16:00' }),
      JSON.stringify({ ...monday16, id: 'T-4', priority: 'superalta' }),
      JSON.stringify({ ...monday16, id: 'T-5' }),
    ].join('\n');
    const { status, lines, err } = await run(['evaluate', '--policy', 'websaas', '--jsonl', '--now', '2026-03-09T16:30:00-05:00'], input);
    expect(status).toBe(1);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['T-1', 'T-5']);
    expect(err).toMatch(/^line 2: invalid-json/m);
    expect(err).toMatch(/^line 3: invalid-ticket: the ticket has 1 problem\n {2}createdAt: must be an ISO 8601 instant/m);
    expect(err).toMatch(
      /^line 4: ticket T-4: unknown-priority: unknown priority "superalta" for policy websaas; known: urgente, importante, normal/m,
    );
    expect(err).toMatch(/2 ticket\(s\) evaluated, 3 line\(s\) rejected/);
  });
});

describe('plazo evaluate --jsonl on a long batch', () => {
  const tickets = (count: number) =>
    Array.from({ length: count }, (_, i) => JSON.stringify({ id: `L-${i}`, createdAt: '2026-03-09T10:00:00-04:00', subject: 'Duda' }));
  const args = ['evaluate', '--policy', 'skedu', '--jsonl', '--now', '2026-03-09T12:00:00-04:00'];

  it('shows a running count on a terminal, clears it before a rejected line, and ends with the totals', async () => {
    const input = [...tickets(PROGRESS_EVERY), '{"id":', ...tickets(1)].join('\n');
    const { status, lines, err } = await run(args, input, { terminal: true });
    expect(status).toBe(1);
    expect(lines).toHaveLength(PROGRESS_EVERY + 1);
    const counted = '\rplazo: 10000 ticket(s) evaluated…\r\x1b[Kline 10001: invalid-json: ';
    expect(err.slice(0, counted.length)).toBe(counted);
    expect(err).toMatch(/\nplazo: 10001 ticket\(s\) evaluated, 1 line\(s\) rejected\n$/);
  });

  it('ends a counted batch on a terminal with its total in place of the count', async () => {
    const { status, err } = await run(args, tickets(PROGRESS_EVERY).join('\n'), { terminal: true });
    expect(status).toBe(0);
    expect(err).toBe('\rplazo: 10000 ticket(s) evaluated…\r\x1b[Kplazo: 10000 ticket(s) evaluated\n');
  });

  it('keeps a pipe or a file free of the count: a successful batch says nothing there', async () => {
    const { status, lines, err } = await run(args, tickets(PROGRESS_EVERY + 1).join('\n'));
    expect(status).toBe(0);
    expect(lines).toHaveLength(PROGRESS_EVERY + 1);
    expect(err).toBe('');
  });
});

describe('plazo evaluate --jsonl on empty input', () => {
  it('says that no ticket was evaluated instead of staying silent', async () => {
    const { status, out, err } = await run(['evaluate', '--policy', 'skedu', '--jsonl'], '\n  \n');
    expect(status).toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(/^plazo: 0 ticket\(s\) evaluated/);
  });
});

describe('plazo evaluate errors', () => {
  it('names an unknown policy and lists the known ones', async () => {
    const { status, err } = await run(['evaluate', '--policy', 'acme', '--jsonl']);
    expect(status).toBe(2);
    expect(err).toMatch(/unknown policy "acme"; known policies: peewah, skedu, websaas, soporte-justo, infraspeak/);
  });

  it('names an invalid --now instant', async () => {
    const { status, err } = await run(['evaluate', '--policy', 'skedu', '--jsonl', '--now', 'yesterday']);
    expect(status).toBe(2);
    expect(err).toMatch(/invalid --now "yesterday"/);
  });

  it('names an invalid creation date of a single ticket', async () => {
    const { status, err } = await run(['evaluate', '--policy', 'skedu', '--subject', 'hola', '--created-at', '2026-02-30T10:00:00-04:00']);
    expect(status).toBe(2);
    expect(err).toMatch(/createdAt/);
  });

  it('explains an unknown flag with the usage', async () => {
    const { status, err } = await run(['evaluate', '--policy', 'skedu', '--colour']);
    expect(status).toBe(2);
    expect(err).toMatch(/Unknown option '--colour'/);
  });
});

describe('plazo evaluate one ticket', () => {
  it('prints the due times in the policy zone and in UTC', async () => {
    const { status, out } = await run([
      'evaluate',
      '--policy',
      'websaas',
      '--subject',
      'Reporte',
      '--priority',
      'Importante',
      '--created-at',
      '2026-03-09T16:00:00-05:00',
      '--now',
      '2026-03-09T16:30:00-05:00',
    ]);
    expect(status).toBe(0);
    expect(out).toMatch(/Priority\s+importante/);
    expect(out).toContain('2026-03-11 11:00:00 -05:00 (America/Bogota) = 2026-03-11 16:00:00 UTC');
  });
});

describe('plazo policies, policy, validate', () => {
  it('lists the five built-in policies', async () => {
    const { status, lines } = await run(['policies']);
    expect(status).toBe(0);
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['peewah', 'skedu', 'websaas', 'soporte-justo', 'infraspeak']);
  });

  it('prints one policy as JSON', async () => {
    const { status, out } = await run(['policy', 'infraspeak']);
    expect(status).toBe(0);
    expect(JSON.parse(out).calendar.zone).toBe('Europe/Lisbon');
  });

  it('validates a policy file and lists every problem by path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'acme', name: 'Acme', vendor: 'Acme', priorities: [{ id: 'p1' }], defaultPriority: 'p9' }));
    const { status, err } = await run(['validate', file]);
    expect(status).toBe(1);
    expect(err).toMatch(/invalid-policy/);
    expect(err).toMatch(/priorities\[0\]\.labels/);
    expect(err).toMatch(/defaultPriority/);
  });
});

describe('plazo --version and --help', () => {
  it('prints the version of @plazo/core', async () => {
    for (const flag of ['--version', '-v']) {
      const { status, out } = await run([flag]);
      expect(status).toBe(0);
      expect(out).toBe(`plazo ${corePackage.version}\n`);
    }
  });

  it.each(['evaluate', 'policies', 'policy', 'validate', 'schema', 'demo'])(
    'prints the usage of %s for --help, -h and plazo help',
    async (command) => {
      const outputs = [];
      for (const argv of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
      ]) {
        const { status, out, err } = await run(argv);
        expect(status, argv.join(' ')).toBe(0);
        expect(err).toBe('');
        outputs.push(out);
      }
      expect(outputs[0]).toMatch(new RegExp(`^Usage:\\s+plazo ${command}\\b`));
      expect(new Set(outputs).size).toBe(1);
    },
  );

  it('says in the help of evaluate that --created-at and --now default to now', async () => {
    const { out } = await run(['evaluate', '--help']);
    expect(out).toMatch(/--created-at <instant> +when the ticket was created \(default: now\)/);
    expect(out).toMatch(/--now <instant> +.*\(default: now\)/);
  });

  it('refuses an argument a command does not take, with its usage', async () => {
    const { status, err } = await run(['policy', 'websaas', 'skedu']);
    expect(status).toBe(2);
    expect(err).toMatch(/^plazo policy: unexpected argument "skedu"\n\nUsage: plazo policy/);
  });
});

/** Runs the installed bin in `cwd`, as a user's shell would. */
function runBin(bin: string, argv: string[], cwd: string, stdin = '') {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = execFile(process.execPath, [bin, ...argv], { cwd }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    // Commands that never read stdin exit without draining it; the write then fails with EPIPE, which is no error here.
    child.stdin?.on('error', () => {});
    child.stdin?.end(stdin);
  });
}

const installedBin = fileURLToPath(new URL('../../bin/plazo.js', import.meta.url));

describe('plazo policy output saved elsewhere', () => {
  it('carries a $schema that finds the installed schema from the folder it is saved in, and validates there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-policy-'));
    const printed = await runBin(installedBin, ['policy', 'websaas'], dir);
    expect(printed.code).toBe(0);
    writeFileSync(join(dir, 'my.json'), printed.stdout);
    const ref = JSON.parse(printed.stdout).$schema as string;
    expect(readFileSync(resolve(dir, ref), 'utf8')).toBe(
      readFileSync(fileURLToPath(new URL('../../plazo-policy.schema.json', import.meta.url)), 'utf8'),
    );
    const validated = await runBin(installedBin, ['validate', 'my.json'], dir);
    expect(validated).toEqual({ code: 0, stdout: 'my.json: valid policy "websaas" (3 priorities)\n', stderr: '' });
  }, 30_000);

  it('with --out writes the file with a $schema from its folder, and never overwrites one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-policy-'));
    const file = join(dir, 'nested', 'mine.json');
    mkdirSync(dirname(file));
    expect((await run(['policy', 'infraspeak', '--out', file])).status).toBe(0);
    const ref = JSON.parse(readFileSync(file, 'utf8')).$schema as string;
    expect(JSON.parse(readFileSync(resolve(dirname(file), ref), 'utf8')).type).toBe('object');
    const again = await run(['policy', 'infraspeak', '--out', file]);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/cannot write .*mine\.json: the file exists; plazo never overwrites one/);
  });

  it('validate warns when $schema names no file, and still accepts the policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-policy-'));
    const file = join(dir, 'copied.json');
    const { out } = await run(['policy', 'skedu']);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(out), $schema: '../plazo-policy.schema.json' }));
    const { status, err } = await run(['validate', file]);
    expect(status).toBe(0);
    expect(err).toMatch(/warning: "\$schema": "\.\.\/plazo-policy\.schema\.json" names no file .*; use ".*plazo-policy\.schema\.json"/);
  });
});

describe('the plazo binary', () => {
  it('runs as `plazo evaluate --jsonl` from the installed bin', async () => {
    const bin = fileURLToPath(new URL('../../bin/plazo.js', import.meta.url));
    const out = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [bin, 'evaluate', '--policy', 'infraspeak', '--jsonl'], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
      child.stdin?.end(
        `${JSON.stringify({ id: 'I-1', createdAt: '2026-06-09T20:00:00+01:00', subject: 'x', body: 'y', priority: 'urgente' })}\n`,
      );
    });
    // 1 h on Tuesday 9 June, 10 June is Portugal Day, then 3 h from Thursday 09:00.
    expect(JSON.parse(out).deadlines.firstResponse).toBe('2026-06-11T12:00:00+01:00');
  }, 30_000);

  it('stops quietly when the reader closes the pipe early, as `plazo … | head -1` does', async () => {
    const ticket = JSON.stringify({ id: 'P-1', createdAt: '2026-06-09T20:00:00+01:00', subject: 'x', body: 'y' });
    const child = spawn(process.execPath, [installedBin, 'evaluate', '--policy', 'infraspeak', '--jsonl'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    // The child stops reading when it stops; the rest of its input has nowhere to go.
    child.stdin.on('error', () => {});
    child.stdin.end(`${ticket}\n`.repeat(20_000));
    const [code] = (await once(child, 'close')) as [number];
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 30_000);

  it('says what to run when the CLI has not been built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(installedBin, join(dir, 'bin', 'plazo.js'));
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
    const { code, stdout, stderr } = await runBin(join(dir, 'bin', 'plazo.js'), ['policies'], dir);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/the CLI has not been built \(.*dist.plazo\.js is missing\)\.\nRun `npm install`/);
  }, 30_000);
});
