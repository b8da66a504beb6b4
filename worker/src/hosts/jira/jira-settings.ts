import { fail, ok, type Result, toProblems } from '@plazo/core';
import * as z from 'zod';
import { sharedHostSettingsShape } from '../shared-host-settings.js';

const name = z.string().trim().min(1).max(255);
/** Jira project keys: an upper-case letter, then upper-case letters, digits or underscores. */
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'must be a Jira project key, e.g. "SUP"');

/**
 * An installation's Jira settings, stored by the admin page (PUT /forge/jira/config) or the admin-webhook setup. Example:
 *   { "policy": "peewah", "projects": { "OPS": { "policy": "infraspeak" } }, "priorityMap": { "urgente": "Highest" },
 *     "pauseStatuses": ["Waiting for customer"], "agents": { "projectRole": "Developers" }, "atRiskRemainingRatio": 0.25 }
 */
export const jiraSettingsSchema = z.strictObject({
  ...sharedHostSettingsShape,
  /** The policy per project (by key); projects not named use `policy`. */
  projects: z.record(projectKey, z.strictObject({ policy: sharedHostSettingsShape.policy })).optional(),
  /** Per policy priority id, the Jira priority's name; unnamed priorities follow their rank (see jira-priority-map). */
  priorityMap: z.record(z.string().min(1), name).optional(),
  /** Status names that pause the clock while an issue is in them. */
  pauseStatuses: z.array(name).max(100).optional(),
  /** Who counts for the first response: a project role or a group (names); by default anyone but the reporter. */
  agents: z.strictObject({ projectRole: name.optional(), group: name.optional() }).optional(),
});
export type JiraSettings = z.infer<typeof jiraSettingsSchema>;

export function parseJiraSettings(raw: unknown): Result<JiraSettings, 'invalid-config'> {
  const parsed = jiraSettingsSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const problems = toProblems(parsed.error);
  return fail('invalid-config', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}

/** Scope settings (none are read from Jira itself) win key by key. */
export function mergeJiraSettings(base: JiraSettings, over: JiraSettings | null): JiraSettings {
  if (!over) return base;
  return { ...base, ...over, priorityMap: { ...base.priorityMap, ...over.priorityMap } };
}

/** The installation's settings as they apply to one project: its own policy over the installation's. */
export function jiraSettingsForScope(settings: JiraSettings, scope: string): JiraSettings {
  const project = settings.projects && Object.hasOwn(settings.projects, scope) ? settings.projects[scope] : undefined;
  return project?.policy ? { ...settings, policy: project.policy } : settings;
}
