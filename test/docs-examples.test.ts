import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateTicket, parsePolicy, parseTicket } from '@plazo/core';
import { describe, expect, it } from 'vitest';

const examples = fileURLToPath(new URL('../docs/examples/', import.meta.url));
const readExample = (name: string): unknown => JSON.parse(readFileSync(join(examples, name), 'utf8'));

describe('the policies guide (docs/policies.md)', () => {
  it.each(readdirSync(examples).filter((f) => f.endsWith('.json')))('ships example %s as a valid policy', (name) => {
    const parsed = parsePolicy(readExample(name));
    expect(parsed.ok ? [] : parsed.issue.problems).toEqual([]);
  });

  it('gives the worked example the deadlines the guide states', () => {
    const policy = parsePolicy(readExample('acme-hosting.json'));
    if (!policy.ok) throw new Error(policy.issue.detail);
    const ticket = parseTicket({ id: 'guide-1', createdAt: '2026-03-06T13:00:00-06:00', subject: 'Nuestro sitio está caído', body: '' });
    if (!ticket.ok) throw new Error(ticket.issue.detail);
    const evaluation = evaluateTicket(policy.value, ticket.value, Date.parse('2026-03-06T13:05:00-06:00'));
    if (!evaluation.ok) throw new Error(evaluation.issue.detail);
    expect(evaluation.value.priority).toBe('critica');
    expect(evaluation.value.deadlines).toEqual({ firstResponse: '2026-03-06T13:30:00-06:00', resolution: '2026-03-09T12:00:00-06:00' });
  });

  it('is linked from the README, with the example it walks through', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const guide = readFileSync(fileURLToPath(new URL('../docs/policies.md', import.meta.url)), 'utf8');
    expect(readme).toContain('](docs/policies.md)');
    expect(guide).toContain('examples/acme-hosting.json');
  });
});
