import * as z from 'zod';

// Only the fields Plazo reads are checked; GitHub adds fields freely, so unknown keys are dropped, not refused.

const instant = z.iso.datetime({ offset: true });

export const userSchema = z.object({
  login: z.string().min(1),
  id: z.number().int(),
  type: z.string().min(1),
});
export type GitHubUser = z.infer<typeof userSchema>;

export const labelSchema = z.object({
  name: z.string().min(1),
  color: z.string().optional(),
});

export const repositorySchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'must be "owner/name"'),
  owner: z.object({ login: z.string().min(1) }),
});
export type GitHubRepository = z.infer<typeof repositorySchema>;

/**
 * GitHub allows at most 100 labels on an issue (its API refuses more), so a delivery listing more is not GitHub's:
 * it is refused before one fact per label is stored.
 */
export const GITHUB_MAX_LABELS = 100;

export const issueSchema = z.object({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable().optional(),
  user: userSchema,
  labels: z.array(labelSchema).max(GITHUB_MAX_LABELS, `GitHub allows at most ${GITHUB_MAX_LABELS} labels on an issue`).default([]),
  state: z.enum(['open', 'closed']),
  created_at: instant,
  updated_at: instant,
  closed_at: instant.nullable().optional(),
  /** Present when the "issue" is a pull request. */
  pull_request: z.unknown().optional(),
});
export type GitHubIssue = z.infer<typeof issueSchema>;

const installationRefSchema = z.object({ id: z.number().int().positive() });

const issueContext = {
  issue: issueSchema,
  repository: repositorySchema,
  sender: userSchema,
  installation: installationRefSchema.optional(),
};

export const issuesEventSchema = z.object({
  action: z.enum(['opened', 'edited', 'reopened', 'closed', 'labeled', 'unlabeled', 'transferred', 'deleted']),
  ...issueContext,
  label: labelSchema.optional(),
});

export const issueTransferredSchema = issuesEventSchema.extend({
  action: z.literal('transferred'),
  changes: z.object({ new_issue: issueSchema, new_repository: repositorySchema }),
});

export const issueCommentEventSchema = z.object({
  action: z.literal('created'),
  ...issueContext,
  comment: z.object({
    id: z.number().int().positive(),
    user: userSchema,
    author_association: z.string().min(1),
    created_at: instant,
    /** Read for commands (`/plazo time 1h30m`); GitHub caps a comment at 65,536 characters. */
    body: z.string().nullish(),
  }),
});

const installationSchema = z.object({
  id: z.number().int().positive(),
  account: z
    .object({ login: z.string().min(1) })
    .nullable()
    .optional(),
});

export const installationEventSchema = z.object({
  action: z.enum(['created', 'deleted', 'suspend', 'unsuspend', 'new_permissions_accepted']),
  installation: installationSchema,
  sender: userSchema,
});

export const installationRepositoriesEventSchema = z.object({
  action: z.enum(['added', 'removed']),
  installation: installationSchema,
  repositories_removed: z.array(z.object({ id: z.number().int().positive(), full_name: z.string().optional() })).default([]),
  sender: userSchema,
});

/** Actions of each event Plazo acts on; every other event or action is answered "ignored". A Map: event names come from the host. */
export const handledActions: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['issues', issuesEventSchema.shape.action.options],
  ['issue_comment', ['created']],
  ['installation', installationEventSchema.shape.action.options],
  ['installation_repositories', installationRepositoriesEventSchema.shape.action.options],
]);
