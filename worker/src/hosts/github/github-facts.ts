import { z } from 'zod';

/** What Plazo keeps about a GitHub issue between deliveries: facts as GitHub reported them. */
export const githubFactSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment'),
    commentId: z.number(),
    login: z.string(),
    association: z.string(),
    bot: z.boolean(),
    byIssueAuthor: z.boolean(),
  }),
  z.object({ kind: z.literal('closed') }),
  z.object({ kind: z.literal('reopened') }),
  z.object({ kind: z.enum(['labeled', 'unlabeled']), label: z.string(), byPerson: z.boolean() }),
]);
export type GitHubFact = z.infer<typeof githubFactSchema>;

/** Addresses an issue through the REST API. */
export const githubRefSchema = z.object({
  owner: z.string().min(1),
  repo: z.string().min(1),
  number: z.number().int().positive(),
  repositoryId: z.number().int().positive(),
});
export type GitHubRef = z.infer<typeof githubRefSchema>;

/** What the issue shows: its labels, the repository's labels (null: not known) and Plazo's comment. */
export const githubStateSchema = z.object({
  labels: z.array(z.string()).default([]),
  repoLabels: z.array(z.string()).nullable().default(null),
  comment: z.object({ id: z.number(), body: z.string() }).nullable().default(null),
});
export type GitHubState = z.infer<typeof githubStateSchema>;

export function readGitHubState(stored: unknown): GitHubState {
  const parsed = githubStateSchema.safeParse(stored ?? {});
  // A state Plazo cannot read is treated as unknown: the next plan then writes everything again.
  return parsed.success ? parsed.data : githubStateSchema.parse({});
}
