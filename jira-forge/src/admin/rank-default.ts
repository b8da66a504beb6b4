/** Jira Cloud's own priorities, most urgent first: what the Worker maps onto when it could not read the site's. */
const jiraDefaultPriorities = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

/**
 * The Jira priority a policy priority gets when the admin names none, as the Worker decides it (core's levelByRank, called
 * by worker/src/hosts/jira/jira-priority-map.ts): its rank spread over the site's list. Shown so the admin sees what "none"
 * means. Repeated here because this page carries none of core's runtime (resources-bundle.test.ts); rank-default.test.ts
 * checks the two agree.
 */
export function rankDefault(rank: number, of: number, sitePriorities: readonly { name: string }[]): string {
  const list = sitePriorities.length > 0 ? sitePriorities.map((p) => p.name) : jiraDefaultPriorities;
  return list[Math.min(list.length - 1, Math.floor((rank * list.length) / Math.max(1, of)))]!;
}
