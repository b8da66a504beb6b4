import * as z from 'zod';
import { plazoCommandSchema } from '../plazo-commands.js';
import { hasLabel } from './github-settings.js';

/** What Plazo keeps about a GitHub issue between deliveries: facts as GitHub reported them. */
export const githubFactSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment'),
    commentId: z.number(),
    login: z.string(),
    association: z.string(),
    bot: z.boolean(),
    byIssueAuthor: z.boolean(),
    /** `/plazo …` lines of the comment (absent in older facts): they count only from agents. */
    commands: z.array(plazoCommandSchema).optional(),
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

/** What the issue shows: its labels as GitHub last reported them, the repository's labels (null: not known) and Plazo's comment. */
export const githubStateSchema = z.object({
  labels: z.array(z.string()).default([]),
  repoLabels: z.array(z.string()).nullable().default(null),
  comment: z.object({ id: z.number(), body: z.string() }).nullable().default(null),
  /** Label changes dry runs planned but never sent; kept apart from `labels`, which every delivery overwrites. */
  dryRunLabels: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }).optional(),
});
export type GitHubState = z.infer<typeof githubStateSchema>;

export function readGitHubState(stored: unknown): GitHubState {
  const parsed = githubStateSchema.safeParse(stored ?? {});
  // A state Plazo cannot read is treated as unknown: the next plan then writes everything again.
  if (!parsed.success) return githubStateSchema.parse({});
  const { dryRunLabels, ...state } = parsed.data;
  if (!dryRunLabels) return state;
  // A change the issue already shows is no longer pending, so a person's later label change shows through.
  const added = dryRunLabels.added.filter((n) => !hasLabel(state.labels, n));
  const removed = dryRunLabels.removed.filter((n) => hasLabel(state.labels, n));
  return { ...state, dryRunLabels: { added, removed } };
}

/** The labels the issue would show had the dry runs been sent. */
export function shownLabels(state: GitHubState): string[] {
  const { added, removed } = state.dryRunLabels ?? { added: [], removed: [] };
  return [...state.labels.filter((n) => !hasLabel(removed, n)), ...added.filter((n) => !hasLabel(state.labels, n))];
}
