import * as z from 'zod';
import { plazoCommandSchema } from '../plazo-commands.js';
import { zendeskPrioritySchema } from './zendesk-payloads.js';

/** What Plazo keeps about a Zendesk ticket between deliveries: facts as Zendesk reported them. */
export const zendeskFactSchema = z.discriminatedUnion('kind', [
  /** `byAgent`: a staff member other than the requester wrote it; `byRequester`: the requester did (absent in older facts). */
  z.object({
    kind: z.literal('comment'),
    commentId: z.string(),
    public: z.boolean(),
    byAgent: z.boolean(),
    byRequester: z.boolean().optional(),
    /** `/plazo …` lines of the comment (absent in older facts): they count only from agents. */
    commands: z.array(plazoCommandSchema).optional(),
  }),
  z.object({ kind: z.literal('status'), status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']) }),
  /** `byAgent`: set by someone other than the requester and Zendesk itself (an agent's override). */
  z.object({ kind: z.literal('priority'), priority: zendeskPrioritySchema.nullable(), byAgent: z.boolean() }),
  z.object({ kind: z.literal('tags'), added: z.array(z.string()), removed: z.array(z.string()) }),
]);
export type ZendeskFact = z.infer<typeof zendeskFactSchema>;

/** Addresses a ticket through the REST API. */
export const zendeskRefSchema = z.object({ subdomain: z.string().min(1), ticketId: z.string().regex(/^\d+$/) });
export type ZendeskRef = z.infer<typeof zendeskRefSchema>;

/** What the ticket shows: as Zendesk last reported it, or as a dry run left it. */
export const zendeskStateSchema = z.object({
  priority: zendeskPrioritySchema.nullable().default(null),
  tags: z.array(z.string()).default([]),
  /** Values of the due-instant fields, by field id; absent when not known. */
  fields: z.record(z.string(), z.string().nullable()).default({}),
  /** The policy priority Plazo's last internal note announced: one note per decision, never one per evaluation. */
  notedPriority: z.string().nullable().default(null),
  /** What the last note showed the agent (its agent messages' codes and data): a new routing, tier or hint gets a new note. */
  notedAgent: z.string().nullable().default(null),
  /** Zendesk's `updated_at` as last read, the `updated_stamp` of a safe update. */
  updatedStamp: z.string().nullable().default(null),
  /**
   * What dry runs would have changed over the priority and tags Zendesk reports: kept beside them, since every delivery
   * reports them again (Zendesk never received the dry run's changes).
   */
  dryRunChanges: z
    .object({
      /** The priority set, while Zendesk still reports the one it had when planned (`from`). */
      priority: z.object({ from: zendeskPrioritySchema.nullable(), to: zendeskPrioritySchema }).nullable().default(null),
      added: z.array(z.string()).default([]),
      removed: z.array(z.string()).default([]),
    })
    .optional(),
});
export type ZendeskState = z.infer<typeof zendeskStateSchema>;

export function readZendeskState(stored: unknown): ZendeskState {
  const parsed = zendeskStateSchema.safeParse(stored ?? {});
  // A state Plazo cannot read is treated as unknown: the next plan then writes everything again.
  if (!parsed.success) return zendeskStateSchema.parse({});
  const { dryRunChanges, ...state } = parsed.data;
  if (!dryRunChanges) return state;
  // A change the ticket already shows is no longer pending, and a person's later priority change shows through.
  const priority = dryRunChanges.priority && dryRunChanges.priority.from === state.priority ? dryRunChanges.priority : null;
  const added = dryRunChanges.added.filter((t) => !state.tags.includes(t));
  const removed = dryRunChanges.removed.filter((t) => state.tags.includes(t));
  return { ...state, dryRunChanges: { priority, added, removed } };
}

/** The priority and tags the ticket would show had the dry runs been sent. */
export function shownZendeskState(state: ZendeskState): ZendeskState {
  const { dryRunChanges, ...reported } = state;
  if (!dryRunChanges) return reported;
  const tags = [...reported.tags.filter((t) => !dryRunChanges.removed.includes(t)), ...dryRunChanges.added];
  return { ...reported, priority: dryRunChanges.priority?.to ?? reported.priority, tags };
}
