// jira.js 6 per operation, not createCloudClient: that object imports every API group and model into the bundle.
import {
  addComment,
  editIssue,
  findGroups,
  getCurrentUser,
  getIssue,
  getStatuses,
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
  const list = (value: unknown) => (Array.isArray(value) ? value.map(record) : []);
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const get = (what: string, url: string, searchParams?: Record<string, string>) =>
    timed(`GET ${what}`, client.sendRequest<unknown>({ url, method: 'GET', ...(searchParams ? { searchParams } : {}) }));

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

    // Who counts as an agent (settings.agents): a user's groups, a project's roles and a role's actors. Raw requests through the
    // jira.js client: its typed functions would bring their response schemas into the bundle for the few fields read here.
    async userGroups(accountId: string): Promise<string[]> {
      const groups = await get(`groups of ${accountId}`, '/rest/api/3/user/groups', { accountId });
      return list(groups).flatMap((g) => [text(g.name), text(g.groupId)].filter(Boolean));
    },
    async projectRoles(projectKey: string): Promise<{ id: string; name: string }[]> {
      const roles = await get(`roles of ${projectKey}`, `/rest/api/3/project/${encodeURIComponent(projectKey)}/roledetails`);
      return list(roles).map((r) => ({ id: text(r.id), name: text(r.name) }));
    },
    async roleActors(projectKey: string, roleId: string): Promise<{ users: string[]; groups: string[] }> {
      const path = `/rest/api/3/project/${encodeURIComponent(projectKey)}/role/${encodeURIComponent(roleId)}`;
      const actors = list(record(await get(`role ${roleId} of ${projectKey}`, path)).actors);
      return {
        users: actors.map((a) => text(record(a.actorUser).accountId)).filter(Boolean),
        groups: actors.flatMap((a) => [text(record(a.actorGroup).groupId), text(record(a.actorGroup).name)]).filter(Boolean),
      };
    },

    // The site's lists the admin page offers.
    // GET /priority (read:jira-work): jira.js 6 dropped it for /priority/search, which needs manage:jira-configuration.
    readPriorities: async () => list(await get('priorities', '/rest/api/3/priority')),
    readStatuses: () => timed('GET statuses', getStatuses(client)),
    readProjects: () => timed('GET projects', searchProjects(client, { maxResults: 100 })),

    readGroups: () => timed('GET groups', findGroups(client, { maxResults: 100 })),
  };
}
