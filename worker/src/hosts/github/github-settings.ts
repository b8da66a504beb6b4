import { fail, ok, type Policy, type Result, toProblems } from '@plazo/core';
import * as z from 'zod';
import { sharedHostSettingsShape } from '../shared-host-settings.js';

const color = z.string().regex(/^#?[0-9a-fA-F]{6}$/, 'must be a six-digit hex colour such as "d73a4a"');
const labelSpec = z.strictObject({
  name: z.string().min(1).max(50).optional(),
  color: color.optional(),
  description: z.string().max(100).optional(),
});

/**
 * `.github/plazo.yml` in a repository, and an installation's defaults (same shape). Example:
 *   policy: websaas
 *   labels: { priorities: { urgente: { name: "P0", color: "b60205" } }, atRisk: { name: "sla: at risk" } }
 *   agents: { associations: [OWNER, MEMBER], logins: [support-bot] }
 *   statusLabels: { "waiting on customer": pending }
 */
export const githubSettingsSchema = z.strictObject({
  ...sharedHostSettingsShape,
  labels: z
    .strictObject({
      /** Per priority id of the policy. */
      priorities: z.record(z.string(), labelSpec).optional(),
      atRisk: labelSpec.optional(),
      breached: labelSpec.optional(),
    })
    .optional(),
  /** Who counts as an agent: their comments answer the first response. */
  agents: z
    .strictObject({
      associations: z
        .array(z.enum(['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'NONE']))
        .optional(),
      logins: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  /**
   * Labels that put the issue in a status of the policy (e.g. a pause status such as "pending"), over the defaults
   * (`status: <status>` and the common waiting labels, github-marks.ts); null: the label means nothing.
   */
  statusLabels: z.record(z.string().min(1), z.string().min(1).nullable()).optional(),
});
export type GitHubSettings = z.infer<typeof githubSettingsSchema>;

/** Settings are an object: null or a list is refused with its problem named, never read as "no settings". */
export function parseGitHubSettings(raw: unknown): Result<GitHubSettings, 'invalid-config'> {
  const parsed = githubSettingsSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const problems = toProblems(parsed.error);
  return fail('invalid-config', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}

/** The scope's values win key by key; label specs merge per label. */
export function mergeGitHubSettings(base: GitHubSettings, over: GitHubSettings | null): GitHubSettings {
  if (!over) return base;
  return {
    ...base,
    ...over,
    labels: {
      priorities: { ...base.labels?.priorities, ...over.labels?.priorities },
      atRisk: { ...base.labels?.atRisk, ...over.labels?.atRisk },
      breached: { ...base.labels?.breached, ...over.labels?.breached },
    },
    agents: { ...base.agents, ...over.agents },
    statusLabels: { ...base.statusLabels, ...over.statusLabels },
  };
}

export const defaultAgentAssociations = ['OWNER', 'MEMBER', 'COLLABORATOR'] as const;

export type ResolvedLabel = { name: string; color: string; description: string };

const stripHash = (c: string) => c.replace(/^#/, '').toLowerCase();

/** GitHub's own label colours from red to green: the defaults for a policy's priorities, most severe first. */
export const RANK_COLORS = ['b60205', 'd93f0b', 'fbca04', '0e8a16'] as const;

// Rank r of n priorities takes RANK_COLORS[round(r × 3 / (n − 1))]: the most severe red, the least green (one alone: red).
export function rankColor(rank: number, count: number): string {
  const last = RANK_COLORS.length - 1;
  const at = count <= 1 ? 0 : Math.round((rank * last) / (count - 1));
  return RANK_COLORS[Math.min(Math.max(at, 0), last)]!;
}

/** The label Plazo puts on an issue of this priority: the settings' spec, else "priority: <id>" in the colour of its rank. */
export function priorityLabel(settings: GitHubSettings, policy: Policy, priorityId: string): ResolvedLabel {
  const rank = policy.priorities.findIndex((p) => p.id === priorityId);
  const priorities = settings.labels?.priorities;
  const spec = priorities && Object.hasOwn(priorities, priorityId) ? priorities[priorityId] : undefined;
  const definition = policy.priorities[rank]?.labels.en;
  return {
    name: spec?.name ?? `priority: ${priorityId}`,
    color: stripHash(spec?.color ?? (rank < 0 ? 'ededed' : rankColor(rank, policy.priorities.length))),
    description: (spec?.description ?? `${policy.name}: ${definition ?? priorityId}`).slice(0, 100),
  };
}

export function slaLabels(settings: GitHubSettings): { atRisk: ResolvedLabel; breached: ResolvedLabel } {
  const at = settings.labels?.atRisk;
  const br = settings.labels?.breached;
  return {
    atRisk: {
      name: at?.name ?? 'sla: at risk',
      color: stripHash(at?.color ?? 'fbca04'),
      description: at?.description ?? 'Plazo: a support target is close to its deadline',
    },
    breached: {
      name: br?.name ?? 'sla: breached',
      color: stripHash(br?.color ?? 'b60205'),
      description: br?.description ?? 'Plazo: a support target missed its deadline',
    },
  };
}

/** GitHub compares label names without regard to case. */
export const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const hasLabel = (names: readonly string[], name: string) => names.some((n) => sameLabel(n, name));
