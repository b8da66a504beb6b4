import * as z from 'zod';

/** Jira's numeric ids arrive as strings ("10073"); some admin-webhook fields carry them as numbers. */
export const jiraIdSchema = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);

/**
 * Jira's instants ("2021-01-20T15:58:12.797+1100", or with a colon) as ISO 8601 in UTC; anything else fails the schema.
 */
export const jiraInstantSchema = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const normal = s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
    const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(normal) ? Date.parse(normal) : Number.NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be an instant such as 2021-01-20T15:58:12.797+1100' });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });

const selfSchema = z.string().max(2000).optional();
const user = z.object({ accountId: z.string().min(1).max(128) });
const statusSchema = z.object({
  name: z.string().max(255),
  statusCategory: z.object({ key: z.string().max(50) }).optional(),
});

/** An Atlassian Document Format node, kept as is: only its text is read (for triage). */
const adfSchema = z.record(z.string(), z.unknown());

/** The issue as events and webhooks carry it; Forge events send only some fields, admin webhooks all of them. */
export const jiraIssueSchema = z.object({
  id: jiraIdSchema,
  key: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}-\d{1,20}$/),
  self: selfSchema,
  fields: z.object({
    summary: z.string().max(10_000).nullish(),
    description: z.union([z.string().max(200_000), adfSchema]).nullish(),
    created: jiraInstantSchema.nullish(),
    updated: jiraInstantSchema.nullish(),
    project: z.object({ id: jiraIdSchema.optional(), key: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/) }),
    reporter: user.nullish(),
    creator: user.nullish(),
    status: statusSchema.nullish(),
    priority: z.object({ name: z.string().max(255) }).nullish(),
    labels: z.array(z.string().max(255)).max(1000).nullish(),
    duedate: z
      .string()
      .regex(/^\d{4}-\d\d-\d\d$/)
      .nullish(),
  }),
});
export type JiraIssuePayload = z.infer<typeof jiraIssueSchema>;

export const changelogSchema = z.object({
  id: jiraIdSchema,
  items: z
    .array(
      z.object({
        field: z.string().max(255),
        fieldId: z.string().max(255).optional(),
        from: z.string().max(1000).nullish(),
        fromString: z.string().max(10_000).nullish(),
        to: z.string().max(1000).nullish(),
        toString: z.string().max(10_000).nullish(),
      }),
    )
    .max(200),
});

export const commentSchema = z.object({
  id: jiraIdSchema,
  author: user.nullish(),
  body: z.union([z.string().max(200_000), adfSchema]).nullish(),
  created: jiraInstantSchema,
  updated: jiraInstantSchema.nullish(),
  /** Jira Service Management: false for internal notes. */
  jsdPublic: z.boolean().optional(),
});

/** A Forge product event (trigger module → endpoint): `eventType` names it; retries add `retryContext`. */
export const forgeEventSchema = z.object({
  eventType: z.string().max(100),
  issue: jiraIssueSchema,
  atlassianId: z.string().max(128).nullish(),
  changelog: changelogSchema.nullish(),
  comment: commentSchema.nullish(),
  context: z.object({ cloudId: z.string().max(100).optional() }).nullish(),
});

/** A Jira Cloud admin webhook (System › WebHooks): `webhookEvent` names it, `timestamp` is its instant in ms. */
export const adminWebhookSchema = z.object({
  timestamp: z.number().int().nonnegative(),
  webhookEvent: z.string().max(100),
  issue: jiraIssueSchema,
  user: user.nullish(),
  changelog: changelogSchema.nullish(),
  comment: commentSchema.nullish(),
});

/** A worklog as Forge's worklog events and the worklog_* admin webhooks carry it: it names its issue by id only. */
export const worklogSchema = z.object({
  id: jiraIdSchema,
  issueId: jiraIdSchema,
  self: selfSchema,
  author: user.nullish(),
  started: jiraInstantSchema,
  updated: jiraInstantSchema.nullish(),
  timeSpentSeconds: z.number().int().nonnegative().max(10_000_000),
});
export type JiraWorklog = z.infer<typeof worklogSchema>;

/** Forge's avi:jira:*:worklog (`eventType`, `worklog`) or an admin worklog_* webhook (`webhookEvent`, `timestamp`, `worklog`). */
export const worklogEventSchema = z.object({ worklog: worklogSchema });

/** Worklog events, under either entry path (avi:jira:created:worklog, worklog_created; updated, deleted): time agents log. */
export const worklogEvent = /^(?:avi:jira:\w+:worklog|worklog_\w+)$/;

/** The events Plazo handles, under either entry path. */
export const forgeEvents = {
  'avi:jira:created:issue': 'created',
  'avi:jira:updated:issue': 'updated',
  'avi:jira:commented:issue': 'commented',
  'avi:jira:deleted:issue': 'deleted',
} as const;
export const adminWebhookEvents = {
  'jira:issue_created': 'created',
  'jira:issue_updated': 'updated',
  comment_created: 'commented',
  comment_updated: 'commented',
  'jira:issue_deleted': 'deleted',
} as const;
export type JiraEventKind = (typeof forgeEvents)[keyof typeof forgeEvents];

/** The plain text of an ADF document (or a string as is), for triage. */
export function adfText(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value;
  if (depth > 50 || typeof value !== 'object' || value === null) return '';
  const node = value as { type?: unknown; text?: unknown; content?: unknown };
  if (node.type === 'text' && typeof node.text === 'string') return node.text;
  if (node.type === 'hardBreak') return '\n';
  if (!Array.isArray(node.content)) return '';
  const parts = node.content.map((c) => adfText(c, depth + 1));
  const block = node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem';
  return parts.join('') + (block ? '\n' : '');
}
