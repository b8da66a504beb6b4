import { describe, expect, it } from 'vitest';
import { policyPriorityOf, zendeskPriorityMap } from './zendesk-priority-map.js';

const policyOf = (...ids: string[]) => ({ priorities: ids.map((id) => ({ id })) }) as never;

describe('zendeskPriorityMap', () => {
  it('maps four priorities by rank onto urgent, high, normal and low', () => {
    expect([...zendeskPriorityMap(policyOf('p1', 'p2', 'p3', 'p4'), {})]).toEqual([
      ['p1', 'urgent'],
      ['p2', 'high'],
      ['p3', 'normal'],
      ['p4', 'low'],
    ]);
  });

  it('spreads fewer or more priorities by rank, most urgent first', () => {
    expect([...zendeskPriorityMap(policyOf('a', 'b', 'c'), {}).values()]).toEqual(['urgent', 'high', 'normal']);
    expect([...zendeskPriorityMap(policyOf('a', 'b', 'c', 'd', 'e'), {}).values()]).toEqual(['urgent', 'urgent', 'high', 'normal', 'low']);
  });

  it("lets the installation's mapping win for the priorities it names", () => {
    const map = zendeskPriorityMap(policyOf('a', 'b', 'c'), { priorityMap: { c: 'low' } });
    expect([...map.values()]).toEqual(['urgent', 'high', 'low']);
  });
});

describe('policyPriorityOf', () => {
  const map = zendeskPriorityMap(policyOf('a', 'b', 'c', 'd', 'e'), {});
  it('keeps the decided priority when it already shows as the Zendesk priority', () => {
    expect(policyPriorityOf(map, 'urgent', 'b')).toBe('b');
  });
  it('picks the most urgent priority shown that way otherwise', () => {
    expect(policyPriorityOf(map, 'urgent', 'c')).toBe('a');
    expect(policyPriorityOf(map, 'low', null)).toBe('e');
  });
  it('answers null when no priority shows that way', () => {
    expect(policyPriorityOf(zendeskPriorityMap(policyOf('a'), {}), 'low', null)).toBeNull();
  });
});
