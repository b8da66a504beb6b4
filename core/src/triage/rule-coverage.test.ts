import { describe, expect, it } from 'vitest';
import { runEvalSet } from '../../eval/eval-set.js';
import { builtInPolicies } from '../policies/built-in-policies.js';

/** Rule groups of a policy's `triage` key whose rules show up by id in reasons. */
// Tier reasons name only the deciding rule, so tiers are covered by the tier tests instead.
const groups = ['priorities', 'ceilings', 'exclusions', 'categories', 'flags'] as const;

describe('rule coverage', () => {
  const fired = new Map<string, Set<string>>();
  for (const o of runEvalSet(['dev', 'holdout'])) {
    const set = fired.get(o.case.policy) ?? new Set<string>();
    for (const r of o.result.reasons) set.add(r.rule);
    fired.set(o.case.policy, set);
  }

  it.each([...builtInPolicies.keys()])('every triage rule of %s fires on at least one labelled ticket', (id) => {
    const triage = (builtInPolicies.get(id)?.triage ?? {}) as Record<string, unknown>;
    const rules = groups.flatMap((g) => (Array.isArray(triage[g]) ? (triage[g] as { id: string }[]).map((r) => `${g}:${r.id}`) : []));
    const seen = [...(fired.get(id) ?? [])];
    const silent = rules.filter((key) => {
      const ruleId = key.slice(key.indexOf(':') + 1);
      return !seen.some((rule) => rule === ruleId || rule.endsWith(`/${ruleId}`) || rule.includes(`/${ruleId}/`));
    });
    expect(silent).toEqual([]);
  });
});
