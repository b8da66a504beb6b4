import { levelByRank, type Policy } from '@plazo/core';
import type { JiraSettings } from './jira-settings.js';

/** The priorities a Jira Cloud site has until an admin changes them, most urgent first. */
export const defaultJiraPriorities = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

/**
 * The Jira priority (by name) for each of the policy's priorities: the installation's mapping, else by rank (the policy lists
 * them most urgent first) spread over the site's priorities as read (Jira's defaults when not read).
 */
export function jiraPriorityMap(
  policy: Pick<Policy, 'priorities'>,
  settings: JiraSettings,
  sitePriorities: readonly string[] = defaultJiraPriorities,
): Map<string, string> {
  const n = policy.priorities.length;
  const own = settings.priorityMap ?? {};
  const list = sitePriorities.length > 0 ? sitePriorities : defaultJiraPriorities;
  return new Map(
    policy.priorities.map((p, rank) => {
      return [p.id as string, Object.hasOwn(own, p.id) ? own[p.id]! : levelByRank(rank, n, list)];
    }),
  );
}

/** The policy priority a person meant by a Jira priority: the decided one if it shows the same, else the most urgent mapped to it. */
export function policyPriorityOf(map: ReadonlyMap<string, string>, shown: string, decided: string | null): string | null {
  const same = (a: string | undefined) => a !== undefined && a.toLowerCase() === shown.toLowerCase();
  if (decided !== null && same(map.get(decided))) return decided;
  for (const [id, priority] of map) if (same(priority)) return id;
  return null;
}
