// jira.js 6 per operation, not createCloudClient: that object imports every API group and model into the bundle.
import {
  addComment,
  editIssue,
  findGroups,
  getCurrentUser,
  getIssue,
  getProjectRole,
  getProjectRoleDetails,
  getStatuses,
  getUserGroups,
  searchProjects,
  setIssueProperty,
  updateComment,
} from 'jira.js/cloud';
import { type Client, createClient } from 'jira.js/core';
import { adfText } from './jira-payloads.js';
import type { AdfDocument } from './render-jira-comment.js';

/** How Plazo signs in to a site: the Forge app's system token (at app.apiBaseUrl) or an API token (at the site URL). */
export type JiraCredentials = { kind: 'system-token'; token: string } | { kind: 'api-token'; email: string; token: string };

/** A Jira call that did not answer within the host timeout (jira.js takes no abort signal). */
export class JiraTimeoutError extends Error {
  override readonly name = 'JiraTimeoutError';
}

/** The fields Plazo reads and writes, and its property, in one GET. */
const ISSUE_FIELDS = ['priority', 'labels', 'duedate', 'status', 'description'];

export type JiraIssueRead = {
  priority: string | null;
  labels: string[];
  duedate: string | null;
  /** The description as plain text ('' when empty). */
  description: string;
  property: unknown;
};

export type JiraFieldEdit = { priority?: { name: string }; duedate?: string; labels?: { add?: string; remove?: string }[] };

export type JiraClient = ReturnType<typeof createJiraClient>;

/** The few REST calls Plazo makes, through jira.js; each gives up after `timeoutMs` with a JiraTimeoutError. */
export function createJiraClient(options: { baseUrl: string; credentials: JiraCredentials; timeoutMs: number; propertyKey: string }) {
  const { credentials } = options;
  const client: Client = createClient({
    host: options.baseUrl,
    auth:
      credentials.kind === 'system-token'
        ? { type: 'bearer', token: credentials.token }
        : { type: 'basic', email: credentials.email, apiToken: credentials.token },
  });
  const timed = async <T>(what: string, call: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new JiraTimeoutError(`Jira did not answer ${what} in ${options.timeoutMs} ms`)), options.timeoutMs);
    });
    try {
      return await Promise.race([call, timeout]);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  };
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

  return {
    async me(): Promise<string | null> {
      const user = await timed('GET /myself', getCurrentUser(client));
      return typeof user.accountId === 'string' ? user.accountId : null;
    },
    async readIssue(issueId: string): Promise<JiraIssueRead> {
      const issue = await timed(
        `GET issue ${issueId}`,
        getIssue(client, { issueIdOrKey: issueId, fields: ISSUE_FIELDS, properties: [options.propertyKey] }),
      );
      const fields = record(issue.fields);
      const priority = record(fields.priority).name;
      return {
        priority: typeof priority === 'string' ? priority : null,
        labels: Array.isArray(fields.labels) ? fields.labels.filter((l): l is string => typeof l === 'string') : [],
        duedate: typeof fields.duedate === 'string' ? fields.duedate : null,
        description: adfText(fields.description ?? '').trim(),
        property: record(issue.properties)[options.propertyKey] ?? null,
      };
    },
    editFields: (issueId: string, fields: Omit<JiraFieldEdit, 'labels'>, labels: JiraFieldEdit['labels']) =>
      timed(
        `PUT issue ${issueId}`,
        editIssue(client, { issueIdOrKey: issueId, fields, ...(labels && labels.length > 0 ? { update: { labels } } : {}) }),
      ),
    setProperty: (issueId: string, value: Record<string, unknown>) =>
      timed(
        `PUT property of ${issueId}`,
        setIssueProperty(client, { issueIdOrKey: issueId, propertyKey: options.propertyKey, body: value }),
      ),
    async addComment(issueId: string, body: AdfDocument): Promise<string> {
      const comment = await timed(`POST comment on ${issueId}`, addComment(client, { issueIdOrKey: issueId, body }));
      return String(comment.id);
    },
    updateComment: (issueId: string, commentId: string, body: AdfDocument) =>
      timed(`PUT comment ${commentId}`, updateComment(client, { issueIdOrKey: issueId, id: commentId, body: { body } })),

    // Who counts as an agent (settings.agents): a user's groups, a project's roles and a role's actors.
    async userGroups(accountId: string): Promise<{ name: string; groupId: string }[]> {
      const groups = await timed(`GET groups of ${accountId}`, getUserGroups(client, { accountId }));
      return groups.map((g) => ({ name: String(g.name ?? ''), groupId: String(g.groupId ?? '') }));
    },
    projectRoles: (projectKey: string) =>
      timed(`GET roles of ${projectKey}`, getProjectRoleDetails(client, { projectIdOrKey: projectKey, currentMember: false })),
    async roleActors(projectKey: string, roleId: number): Promise<{ users: string[]; groups: string[] }> {
      const role = await timed(`GET role ${roleId} of ${projectKey}`, getProjectRole(client, { projectIdOrKey: projectKey, id: roleId }));
      const actors = role.actors ?? [];
      return {
        users: actors.flatMap((a) => (a.actorUser?.accountId ? [a.actorUser.accountId] : [])),
        groups: actors.flatMap((a) => [a.actorGroup?.groupId, a.actorGroup?.name].filter((g): g is string => !!g)),
      };
    },

    // The site's lists the admin page offers.
    // GET /priority (read:jira-work): jira.js 6 dropped it for /priority/search, which needs manage:jira-configuration.
    readPriorities: async (): Promise<{ id?: unknown; name?: unknown }[]> => {
      const list = await timed('GET priorities', client.sendRequest<unknown>({ url: '/rest/api/3/priority', method: 'GET' }));
      return Array.isArray(list) ? list.map(record) : [];
    },
    readStatuses: () => timed('GET statuses', getStatuses(client)),
    readProjects: () => timed('GET projects', searchProjects(client, { maxResults: 100 })),
    // Roles are site-wide, so one project's role details (read:jira-work) are the site's; GET /role needs manage:jira-configuration.
    readRoles: (projectKey: string) => timed(`GET roles of ${projectKey}`, getProjectRoleDetails(client, { projectIdOrKey: projectKey })),
    readGroups: () => timed('GET groups', findGroups(client, { maxResults: 100 })),
  };
}
