import { describe, expect, it } from 'vitest';
import { jiraPriorityMap } from '../../../worker/src/hosts/jira/jira-priority-map';
import { rankDefault } from './rank-default';

describe('rankDefault', () => {
  it('shows the same default Jira priority the Worker writes, for every policy and site size', () => {
    const names = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
    for (let policySize = 1; policySize <= 6; policySize++) {
      for (let siteSize = 0; siteSize <= names.length; siteSize++) {
        const policy = { priorities: Array.from({ length: policySize }, (_, i) => ({ id: `p${i}` })) };
        const site = names.slice(0, siteSize);
        const worker = jiraPriorityMap(policy as never, {}, site);
        const shown = policy.priorities.map((_, rank) =>
          rankDefault(
            rank,
            policySize,
            site.map((name) => ({ name })),
          ),
        );
        expect(shown).toEqual([...worker.values()]);
      }
    }
  });
});
