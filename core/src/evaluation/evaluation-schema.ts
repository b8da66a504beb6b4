import * as z from 'zod';
import { ticketMessageSchema } from '../messages/ticket-message-schema.js';

/** Why a decision was made: the rule that fired, the ticket's words that matched, and how sure it is. */
export const reasonSchema = z.object({
  /** Stable id of the rule, e.g. "priority:urgente/cannot-invoice", "default-priority", "override". */
  rule: z.string().min(1),
  kind: z.enum(['priority', 'declared-priority', 'override', 'default', 'exclusion', 'tier', 'category', 'intake', 'calendar', 'history']),
  /** One sentence an agent can agree or disagree with in seconds. */
  detail: z.string().min(1),
  /** The words of the ticket that matched. */
  evidence: z.array(z.string()).default([]),
  confidence: z.number().min(0).max(1),
  /** Missing-information reasons only: ids of the policy's intake.requiredInformation the ticket does not give, for hosts to name. */
  missing: z.array(z.string()).optional(),
  /** History reasons only (`history:<flag>`): what the rule measured over the customer's history, for hosts and admins to show. */
  history: z
    .object({
      /** Whose history: the organisation's when the host gives one, else the requester's. */
      identity: z.enum(['requester', 'organization']),
      /** possible-duplicate: the open ticket this one matches (its id and how its host names it), and their shared subject words. */
      ticket: z.string().optional(),
      ticketLabel: z.string().optional(),
      sharedWords: z.array(z.string()).optional(),
      /** early-follow-up: minutes between the agent's reply and the requester's message, and the policy's cooldown. */
      minutes: z.number().optional(),
      cooldownMinutes: z.number().optional(),
      /** over-quota: this ticket's position in the month ("YYYY-MM" in the policy's zone) and the limit. */
      count: z.number().optional(),
      limit: z.number().optional(),
      month: z.string().optional(),
    })
    .optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const slaStateSchema = z.enum(['running', 'paused', 'met', 'at-risk', 'breached']);
export type SlaState = z.infer<typeof slaStateSchema>;

export const targetNameSchema = z.enum(['firstResponse', 'resolution']);
export type TargetName = z.infer<typeof targetNameSchema>;

/** One target's clock at `now`. */
export const targetStatusSchema = z.object({
  target: targetNameSchema,
  clock: z.enum(['calendar', 'business']),
  /** The target's length in milliseconds of its clock. */
  targetMs: z.number().nonnegative(),
  /** Due instant (ISO 8601 in the policy's zone); while paused, as if the clock resumed at `now`. */
  dueAt: z.string(),
  state: slaStateSchema,
  /** Time left on the target's clock (negative once breached); 0 when met. */
  remainingMs: z.number(),
  /** When it was met, if it was. */
  metAt: z.string().nullable(),
  /** The policy milestone an agent marked that met it (Peewah's action plan), when not a reply or the solution. */
  metBy: z.string().optional(),
  /** Next instant the state changes by time alone (at-risk, then breached); null when met or paused. */
  nextThresholdAt: z.string().nullable(),
});
export type TargetStatus = z.infer<typeof targetStatusSchema>;

export const evaluationSchema = z.object({
  id: z.string(),
  policy: z.string(),
  priority: z.string().nullable(),
  tier: z.string().nullable(),
  category: z.string().nullable(),
  excluded: z.boolean(),
  exclusion: z.object({ id: z.string(), description: z.string() }).nullable(),
  flags: z.array(z.string()),
  reasons: z.array(reasonSchema),
  deadlines: z.object({ firstResponse: z.string().nullable(), resolution: z.string().nullable() }),
  sla: z.object({ firstResponse: targetStatusSchema.nullable(), resolution: targetStatusSchema.nullable() }),
  /** What the ticket should say to the customer (once each) and to the agent, from policy data; absent in older stored evaluations. */
  messages: z.array(ticketMessageSchema).optional(),
  /** Earliest instant at which re-evaluating could change a state; the worker's cron keys on it. */
  nextCheckAt: z.string().nullable(),
  evaluatedAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
