import type { ConfigView, JiraSettings, Problem } from '../worker/worker-contract.js';

/** The admin page's editable state: what the admin chose, as the page's fields hold it (text for the percent). */
export type AdminForm = {
  policy: string | null;
  /** Project key → policy id; keys come from Jira, so a Map, never a plain object's properties. */
  projectPolicies: ReadonlyMap<string, string>;
  /** Policy priority id → Jira priority name. */
  priorityMap: ReadonlyMap<string, string>;
  pauseStatuses: string[];
  projectRole: string | null;
  group: string | null;
  atRiskPercent: string;
  dryRun: boolean;
};

/** The form for the stored settings: every key the Worker keeps, so saving unchanged fields changes nothing. */
export function formFromSettings(settings: JiraSettings): AdminForm {
  const projectPolicies = new Map<string, string>();
  for (const [key, value] of Object.entries(settings.projects ?? {})) if (value.policy) projectPolicies.set(key, value.policy);
  const ratio = settings.atRiskRemainingRatio;
  return {
    policy: settings.policy ?? null,
    projectPolicies,
    priorityMap: new Map(Object.entries(settings.priorityMap ?? {})),
    pauseStatuses: [...(settings.pauseStatuses ?? [])],
    projectRole: settings.agents?.projectRole ?? null,
    group: settings.agents?.group ?? null,
    // Two decimals at most: 0.25 shows as "25", never "25.000000000000004".
    atRiskPercent: ratio === undefined ? '' : String(Math.round(ratio * 10_000) / 100),
    dryRun: settings.dryRun ?? false,
  };
}

export type SettingsFromForm = { ok: true; settings: JiraSettings } | { ok: false; problems: Problem[] };

/** The settings to PUT; the page's own check (the percent) names its problem by the settings path, as the Worker does. */
export function settingsFromForm(form: AdminForm, percentInvalid: string): SettingsFromForm {
  const settings: JiraSettings = {};
  if (form.policy) settings.policy = form.policy;
  if (form.dryRun) settings.dryRun = true;
  const percentText = form.atRiskPercent.trim().replace(',', '.');
  if (percentText !== '') {
    const percent = Number(percentText);
    if (!Number.isFinite(percent) || percent <= 0 || percent >= 100)
      return { ok: false, problems: [{ path: 'atRiskRemainingRatio', message: percentInvalid }] };
    settings.atRiskRemainingRatio = percent / 100;
  }
  const projects = [...form.projectPolicies].filter(([, policy]) => policy !== '');
  if (projects.length > 0) settings.projects = Object.fromEntries(projects.map(([key, policy]) => [key, { policy }]));
  const mapped = [...form.priorityMap].filter(([, name]) => name !== '');
  if (mapped.length > 0) settings.priorityMap = Object.fromEntries(mapped);
  if (form.pauseStatuses.length > 0) settings.pauseStatuses = [...form.pauseStatuses];
  if (form.projectRole || form.group) {
    settings.agents = {};
    if (form.projectRole) settings.agents.projectRole = form.projectRole;
    if (form.group) settings.agents.group = form.group;
  }
  return { ok: true, settings };
}

/** The policy priorities the admin can map: those of every policy in use (the general one and each project's), once each. */
export function prioritiesInUse(form: AdminForm, config: ConfigView): { id: string; name: string; rank: number; of: number }[] {
  const used = new Set([form.policy ?? config.policies[0]?.id, ...form.projectPolicies.values()].filter(Boolean));
  const seen = new Map<string, { id: string; name: string; rank: number; of: number }>();
  for (const policy of config.policies) {
    if (!used.has(policy.id)) continue;
    policy.priorities.forEach((p, rank) => {
      if (!seen.has(p.id)) seen.set(p.id, { id: p.id, name: p.name, rank, of: policy.priorities.length });
    });
  }
  return [...seen.values()];
}

/** Jira Cloud's own priorities, most urgent first: what the Worker maps onto when it could not read the site's. */
const jiraDefaultPriorities = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

/**
 * The Jira priority a policy priority gets when the admin names none, as the Worker decides it (jiraPriorityMap in
 * worker/src/hosts/jira/jira-priority-map.ts): its rank spread over the site's list. Shown so the admin sees what "none" means.
 */
export function rankDefault(rank: number, of: number, sitePriorities: readonly { name: string }[]): string {
  const list = sitePriorities.length > 0 ? sitePriorities.map((p) => p.name) : jiraDefaultPriorities;
  return list[Math.min(list.length - 1, Math.floor((rank * list.length) / Math.max(1, of)))]!;
}

/** Which field a problem belongs to: its path's first one or two segments ("projects.SUP", "priorityMap.alta", "pauseStatuses"). */
export function problemField(path: string): string {
  const [head = '', second] = path.split(/[.[]/);
  return (head === 'projects' || head === 'priorityMap' || head === 'agents') && second ? `${head}.${second}` : head;
}

/** Each field's problems, for the messages under it; every problem is also listed at the top of the page. */
export function problemsByField(problems: readonly Problem[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(problemField(p.path), [...(byField.get(problemField(p.path)) ?? []), p.message]);
  return byField;
}
