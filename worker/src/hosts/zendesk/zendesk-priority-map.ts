import { levelByRank, type Policy } from '@plazo/core';
import { type ZendeskPriority, zendeskPriorities } from './zendesk-payloads.js';
import type { ZendeskSettings } from './zendesk-settings.js';

/**
 * Zendesk's priority for each of the policy's priorities: the installation's mapping, else by rank (the policy lists
 * priorities most urgent first), spreading them over urgent, high, normal, low.
 */
export function zendeskPriorityMap(policy: Pick<Policy, 'priorities'>, settings: ZendeskSettings): Map<string, ZendeskPriority> {
  const n = policy.priorities.length;
  const own = settings.priorityMap ?? {};
  return new Map(
    policy.priorities.map((p, rank) => {
      return [p.id as string, Object.hasOwn(own, p.id) ? own[p.id]! : levelByRank(rank, n, zendeskPriorities)];
    }),
  );
}

/**
 * The policy priority an agent meant by setting a Zendesk priority: the one Plazo decided if it shows the same way,
 * else the most urgent priority mapped to it; null when no priority maps to it.
 */
export function policyPriorityOf(map: ReadonlyMap<string, ZendeskPriority>, shown: ZendeskPriority, decided: string | null): string | null {
  if (decided !== null && map.get(decided) === shown) return decided;
  for (const [id, priority] of map) if (priority === shown) return id;
  return null;
}
