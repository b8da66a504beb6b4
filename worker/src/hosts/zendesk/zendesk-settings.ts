import { fail, ok, type Result, toProblems } from '@plazo/core';
import * as z from 'zod';
import { sharedHostSettingsShape } from '../shared-host-settings.js';
import { zendeskPrioritySchema } from './zendesk-payloads.js';

const fieldId = z.number().int().positive();

/**
 * An installation's Zendesk settings, stored by the setup step. Example:
 *   { "policy": "peewah", "priorityMap": { "urgente": "urgent" }, "statusMap": { "hold": "manufacturer" },
 *     "fields": { "firstResponseDue": 360001, "resolutionDue": 360002 } }
 */
export const zendeskSettingsSchema = z.strictObject({
  ...sharedHostSettingsShape,
  /** Per policy priority id, what Zendesk shows; unnamed priorities follow their rank (see zendesk-priority-map). */
  priorityMap: z.record(z.string().min(1), zendeskPrioritySchema).optional(),
  /** Zendesk statuses that put the ticket in a status of the policy (one the policy pauses, to stop its clock). */
  statusMap: z.strictObject({ pending: z.string().min(1).nullable().optional(), hold: z.string().min(1).nullable().optional() }).optional(),
  /** The text ticket fields created at install that hold the due instants (ISO 8601, UTC). */
  fields: z.strictObject({ firstResponseDue: fieldId.optional(), resolutionDue: fieldId.optional() }).optional(),
  /** The Time Tracking app's "Total time spent (sec)" field: its changes are the time agents spent (reports of hours per customer). */
  timeTracking: z.strictObject({ totalTimeFieldId: fieldId }).optional(),
});
export type ZendeskSettings = z.infer<typeof zendeskSettingsSchema>;

export function parseZendeskSettings(raw: unknown): Result<ZendeskSettings, 'invalid-config'> {
  const parsed = zendeskSettingsSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const problems = toProblems(parsed.error);
  return fail('invalid-config', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}

/** Zendesk has no per-scope file: a scope's settings (none today) would win key by key. */
export function mergeZendeskSettings(base: ZendeskSettings, over: ZendeskSettings | null): ZendeskSettings {
  if (!over) return base;
  return {
    ...base,
    ...over,
    priorityMap: { ...base.priorityMap, ...over.priorityMap },
    statusMap: { ...base.statusMap, ...over.statusMap },
    fields: { ...base.fields, ...over.fields },
  };
}

/** By default pending and on-hold enter the policy's "pending" status, which policies pause unless they say otherwise. */
export const defaultStatusMap = { pending: 'pending', hold: 'pending' } as const;

/** The policy status a Zendesk status enters; null for statuses that run the clock. */
export function policyStatusOf(settings: ZendeskSettings, status: 'pending' | 'hold'): string | null {
  const mapped = settings.statusMap?.[status];
  return mapped === undefined ? defaultStatusMap[status] : mapped;
}
