import { describe, expect, it } from 'vitest';
import { builtInPolicies, builtInPolicyFiles } from './built-in-policies.js';
import { parsePolicy } from '../policy/parse-policy.js';

describe('built-in policies', () => {
  it('holds the five vendor policies under their fixed ids', () => {
    expect([...builtInPolicies.keys()].sort()).toEqual(['infraspeak', 'peewah', 'skedu', 'soporte-justo', 'websaas']);
  });

  it.each(Object.entries(builtInPolicyFiles))('validates %s against the policy schema', (id, file) => {
    const parsed = parsePolicy(file);
    expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.issue)).toBe(true);
    if (parsed.ok) expect(parsed.value.id).toBe(id);
  });
});
