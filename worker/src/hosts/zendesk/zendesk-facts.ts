import * as z from 'zod';
import { zendeskPrioritySchema } from './zendesk-payloads.js';

/** What Plazo keeps about a Zendesk ticket between deliveries: facts as Zendesk reported them. */
export const zendeskFactSchema = z.discriminatedUnion('kind', [
  /** `byAgent`: a staff member other than the requester wrote it. */
  z.object({ kind: z.literal('comment'), commentId: z.string(), public: z.boolean(), byAgent: z.boolean() }),
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
  /** Zendesk's `updated_at` as last read, the `updated_stamp` of a safe update. */
  updatedStamp: z.string().nullable().default(null),
});
export type ZendeskState = z.infer<typeof zendeskStateSchema>;

export function readZendeskState(stored: unknown): ZendeskState {
  const parsed = zendeskStateSchema.safeParse(stored ?? {});
  // A state Plazo cannot read is treated as unknown: the next plan then writes everything again.
  return parsed.success ? parsed.data : zendeskStateSchema.parse({});
}
