import * as z from 'zod';
import { plazoCommandSchema } from '../plazo-commands.js';

/** What Plazo keeps about a Jira issue between deliveries: facts as Jira reported them. */
export const jiraFactSchema = z.discriminatedUnion('kind', [
  /** `public`: false for a Jira Service Management internal note. */
  /** `commands`: the agent's /plazo lines (plazo-commands.ts), present only when the comment has some. */
  z.object({
    kind: z.literal('comment'),
    commentId: z.string(),
    author: z.string().nullable(),
    public: z.boolean(),
    commands: z.array(plazoCommandSchema).optional(),
  }),
  /** `category`: Jira's status category key (new, indeterminate, done), when the delivery told it. */
  z.object({ kind: z.literal('status'), name: z.string(), category: z.string().nullable() }),
  /** Mark-shaped labels (jira-marks.ts) a person added or removed. */
  z.object({ kind: z.literal('labels'), added: z.array(z.string()), removed: z.array(z.string()) }),
  /** `byPerson`: a user set it (Plazo's own changes never arrive: they are filtered by actor). */
  z.object({ kind: z.literal('priority'), name: z.string().nullable(), byPerson: z.boolean() }),
]);
export type JiraFact = z.infer<typeof jiraFactSchema>;

/** Addresses an issue: its numeric id (stable across moves) and its key (for people). */
export const jiraRefSchema = z.object({ issueId: z.string().regex(/^\d+$/), issueKey: z.string() });
export type JiraRef = z.infer<typeof jiraRefSchema>;

/** What the issue shows, as read (or as a dry run left it). */
export const jiraStateSchema = z.object({
  priority: z.string().nullable().default(null),
  labels: z.array(z.string()).default([]),
  duedate: z.string().nullable().default(null),
  /** The plazo-sla issue property as last written (JSON text), null when absent. */
  property: z.string().nullable().default(null),
  /** Plazo's one comment, kept up to date in place: its id, and the text it shows. */
  commentId: z.string().nullable().default(null),
  commentText: z.string().nullable().default(null),
  /** The description's plain text as last read or delivered (Forge events carry none), for triage; null when never seen. */
  description: z.string().nullable().default(null),
  /** Comment authors who count as agents under settings.agents, decided through Jira; null: no such setting (anyone but the reporter). */
  agents: z.array(z.string()).nullable().default(null),
});
export type JiraState = z.infer<typeof jiraStateSchema>;

export function readJiraState(stored: unknown): JiraState {
  const parsed = jiraStateSchema.safeParse(stored ?? {});
  // A state Plazo cannot read is treated as unknown: the next plan then writes everything again.
  return parsed.success ? parsed.data : jiraStateSchema.parse({});
}
