import { describe, expect, it } from 'vitest';
import { parseConfigYaml } from './parse-config-yaml.js';

const settings = [
  'policy: websaas',
  'labels:',
  '  priorities:',
  '    urgente: { name: "P0 urgente", color: "#b60205" }',
  '# a comment',
  '',
].join('\n');

describe('parseConfigYaml', () => {
  it('reads block and flow mappings, quoted strings and comments', () => {
    expect(parseConfigYaml(settings)).toEqual({
      ok: true,
      value: { policy: 'websaas', labels: { priorities: { urgente: { name: 'P0 urgente', color: '#b60205' } } } },
    });
  });

  it('reads an empty or comment-only file as no settings', () => {
    expect(parseConfigYaml('')).toEqual({ ok: true, value: {} });
    expect(parseConfigYaml('# nothing yet\n')).toEqual({ ok: true, value: {} });
    expect(parseConfigYaml('---\n')).toEqual({ ok: true, value: {} });
  });

  it('keeps YAML 1.2 core scalars: yes, on and dates stay strings', () => {
    expect(parseConfigYaml('a: yes\nb: on\nc: 2026-01-02\nd: true\ne: 0x1F\nf: ~\n')).toEqual({
      ok: true,
      value: { a: 'yes', b: 'on', c: '2026-01-02', d: true, e: 31, f: null },
    });
  });

  it('names the fault and its place in a malformed file', () => {
    const read = parseConfigYaml('policy: [websaas\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issue.code).toBe('invalid-yaml');
    expect(read.issue.detail).toMatch(/\(2:1\)$/);
    expect(read.issue.detail).not.toContain('\n');
  });

  it('refuses duplicate keys and a second document', () => {
    expect(parseConfigYaml('policy: a\npolicy: b\n')).toMatchObject({
      ok: false,
      issue: { detail: expect.stringMatching(/duplicated mapping key/) },
    });
    expect(parseConfigYaml('policy: a\n---\npolicy: b\n')).toMatchObject({
      ok: false,
      issue: { detail: expect.stringMatching(/2 YAML documents/) },
    });
  });

  it('keeps a __proto__ key as data instead of changing the prototype', () => {
    const read = parseConfigYaml('__proto__: { polluted: true }\n');
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(3).fill(`*l${i}`).join(', ')}]`);
    const bomb = ['l0: &l0 [x, x, x]', ...levels, ''].join('\n');
    expect(parseConfigYaml(bomb)).toMatchObject({ ok: false, issue: { detail: expect.stringMatching(/maxAliases/) } });
    expect(parseConfigYaml('base: &b { name: P1 }\ncopy: *b\n')).toEqual({
      ok: true,
      value: { base: { name: 'P1' }, copy: { name: 'P1' } },
    });
  });
});
