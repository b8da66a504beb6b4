import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../src/policy/parse-policy.js';
import { WordScanner } from '../src/triage/normalize-text.js';
import { TextModelReader } from '../src/triage/text-model-reader.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const acme = join(root, 'docs', 'examples', 'acme-hosting.json');

/** Runs `npm run train -- …` as a user does (node with tsx, from the repository), to the end. */
function train(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'core', 'eval', 'train.ts'), ...argv],
      { cwd: root },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const ticket = (subject: string, body: string, priority: string) => JSON.stringify({ subject, body, expect: { priority } });

describe('npm run train -- --policy --tickets', () => {
  it('writes your policy with a model trained on your labelled tickets, which reads what it learnt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-train-'));
    const tickets = join(dir, 'labelled.jsonl');
    const words = 'nuestro sitio web de la tienda principal con pedidos de clientes en todo el país';
    writeFileSync(
      tickets,
      [
        ticket('Sitio', `Marmota: ${words}, desde hace una hora.`, 'critica'),
        ticket('Sitio', `Marmota otra vez: ${words}, ahora mismo.`, 'critica'),
        ticket('Duda', `Consulta: ${words}, sin apuro.`, 'normal'),
        ticket('Duda', `Otra consulta: ${words}, cuando puedan.`, 'normal'),
      ].join('\n'),
    );
    const out = join(dir, 'acme-trained.json');
    const run = await train('--policy', acme, '--tickets', tickets, '--out', out);
    expect(run.stderr).toMatch(/wrote .*acme-trained\.json: 4 tickets, labels critica, normal/);
    expect(run.code).toBe(0);
    const parsed = parsePolicy(JSON.parse(readFileSync(out, 'utf8')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.triage?.model?.labels).toEqual(['critica', 'normal']);
    expect(parsed.value.triage?.model?.words.marmota?.[0]).toBeGreaterThan(0);
    // The model, as triage builds it from the policy, reads a new ticket with the word it learnt as critica.
    const reader = new TextModelReader(parsed.value.triage!.model!);
    const reading = reader.read(new WordScanner().scan(`Sitio\nMarmota: ${words}, desde temprano.`), null);
    expect(reading.label).toBe('critica');
    expect(reader.strongestWords(reading, 'normal')[0]).toBe('marmota');
  });

  it('names every bad line of the tickets and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-train-'));
    const tickets = join(dir, 'labelled.jsonl');
    writeFileSync(tickets, `${ticket('a', 'b', 'critica')}\nnot json\n{"subject":"x","body":"y","expect":{}}\n`);
    const run = await train('--policy', acme, '--tickets', tickets);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/has 2 problem\(s\):\n {2}line 2: not JSON\n {2}line 3: expect names no priority, tier or exclusion/);
  });

  it('needs two different labels, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-train-'));
    const tickets = join(dir, 'labelled.jsonl');
    writeFileSync(tickets, `${ticket('a', 'b', 'critica')}\n${ticket('c', 'd', 'critica')}\n`);
    const run = await train('--policy', acme, '--tickets', tickets);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/at least two different labels to learn from \(found critica\)/);
  });
});
