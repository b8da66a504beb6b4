import type { JiraSettings, Problem } from '../worker/worker-contract';

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
