import type { JiraClient } from './jira-client.js';
import type { JiraSettings } from './jira-settings.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Decides through Jira who counts as an agent under `settings.agents` (a group and/or a project role, by name or id; either
 * suffices). One directory lives for one write-back: each user's groups and each project's role actors are asked once.
 */
export function jiraAgentDirectory(client: JiraClient, agents: NonNullable<JiraSettings['agents']>) {
  const groupsOf = new Map<string, Promise<string[]>>();
  const actorsOf = new Map<string, Promise<{ users: string[]; groups: string[] } | null>>();
  const userGroups = (accountId: string) => {
    let found = groupsOf.get(accountId);
    if (!found) {
      found = client.userGroups(accountId);
      groupsOf.set(accountId, found);
    }
    return found;
  };
  const roleActors = (projectKey: string, role: string) => {
    let found = actorsOf.get(projectKey);
    if (!found) {
      found = client.projectRoles(projectKey).then(async (roles) => {
        const named = roles.find((r) => same(r.name, role) || r.id === role);
        // A role the project does not have names nobody: its comments count as nobody's first response.
        return named ? client.roleActors(projectKey, named.id) : null;
      });
      actorsOf.set(projectKey, found);
    }
    return found;
  };
  return {
    async isAgent(accountId: string, projectKey: string): Promise<boolean> {
      if (agents.group) {
        const group = agents.group;
        if ((await userGroups(accountId)).some((g) => same(g, group))) return true;
      }
      if (agents.projectRole) {
        const actors = await roleActors(projectKey, agents.projectRole);
        if (actors?.users.includes(accountId)) return true;
        if (actors && actors.groups.length > 0) {
          const mine = await userGroups(accountId);
          if (actors.groups.some((g) => mine.some((m) => same(m, g)))) return true;
        }
      }
      return false;
    },
  };
}
