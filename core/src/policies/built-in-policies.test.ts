import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/parse-policy.js';
import { builtInPolicies, builtInPolicyFiles, LazyPolicyMap } from './built-in-policies.js';

describe('built-in policies', () => {
  it('holds the five vendor policies under their fixed ids', () => {
    expect([...builtInPolicies.keys()].sort()).toEqual(['infraspeak', 'peewah', 'skedu', 'soporte-justo', 'websaas']);
  });

  it.each(Object.entries(builtInPolicyFiles))('validates %s against the policy schema', (id, file) => {
    const parsed = parsePolicy(file);
    expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.issue)).toBe(true);
    if (parsed.ok) expect(parsed.value.id).toBe(id);
  });

  it('gives the same policy as parsePolicy and keeps it for the next get', () => {
    const websaas = builtInPolicies.get('websaas');
    expect(websaas).toBe(builtInPolicies.get('websaas'));
    expect(websaas).toEqual((parsePolicy(builtInPolicyFiles.websaas) as { value: unknown }).value);
    expect(builtInPolicies.get('acme')).toBeUndefined();
  });
});

describe('LazyPolicyMap', () => {
  const files = { good: builtInPolicyFiles.skedu, broken: { id: 'broken', priorities: 'none' } };

  it('lists ids without reading any policy, so a broken one fails only when asked for', () => {
    const map = new LazyPolicyMap(files);
    expect([...map.keys()]).toEqual(['good', 'broken']);
    expect(map.size).toBe(2);
    expect(map.has('broken')).toBe(true);
    expect(map.get('good')?.id).toBe('skedu');
    expect(() => map.get('broken')).toThrow(/built-in policy broken is invalid: .*priorities/);
  });

  it('iterates like a Map: entries, values and forEach in file order', () => {
    const map = new LazyPolicyMap({ skedu: builtInPolicyFiles.skedu, websaas: builtInPolicyFiles.websaas });
    expect([...map].map(([id, p]) => [id, p.id])).toEqual([
      ['skedu', 'skedu'],
      ['websaas', 'websaas'],
    ]);
    expect([...map.values()].map((p) => p.vendor)).toEqual([map.get('skedu')!.vendor, map.get('websaas')!.vendor]);
    const seen: string[] = [];
    map.forEach((p, id, m) => {
      seen.push(`${id}:${p.id}:${m === map}`);
    });
    expect(seen).toEqual(['skedu:skedu:true', 'websaas:websaas:true']);
  });
});
