import {
  Button,
  Checkbox,
  ErrorMessage,
  Heading,
  HelperMessage,
  Label,
  List,
  ListItem,
  SectionMessage,
  Select,
  Stack,
  Text,
  Textfield,
} from '@forge/react';
import type { JiraMessages } from '../jira-messages';
import type { ConfigView, Problem } from '../worker/worker-contract';
import type { AdminForm } from './admin-form';
import { prioritiesInUse } from './priorities-in-use';
import { problemsByField } from './problems-by-field';
import { rankDefault } from './rank-default';

export type SaveStatus = 'idle' | 'saving' | 'saved';

export type AdminPageProps = {
  t: JiraMessages['admin'];
  config: ConfigView;
  form: AdminForm;
  /** The Worker's (or the page's own) named problems from the last save; nothing was stored. */
  problems: readonly Problem[];
  status: SaveStatus;
  onChange: (form: AdminForm) => void;
  onSave: () => void;
};

type Option = { label: string; value: string };

const selected = (options: readonly Option[], value: string | null | undefined): Option | null =>
  options.find((o) => o.value === (value ?? '')) ?? null;

/** A Select's answer (an option, a list for multi, or null when cleared) as the chosen values. */
const values = (choice: unknown): string[] =>
  (Array.isArray(choice) ? choice : choice ? [choice] : [])
    .map((o) => (o as Partial<Option>).value)
    .filter((v): v is string => typeof v === 'string' && v !== '');

function FieldProblems({ messages, field }: { messages: ReadonlyMap<string, string[]>; field: string }) {
  const own = messages.get(field) ?? [];
  return (
    <>
      {own.map((m) => (
        <ErrorMessage key={m} testId={`plazo-problem-${field}`}>
          {m}
        </ErrorMessage>
      ))}
    </>
  );
}

/** Where a Jira admin configures Plazo for the site; every field maps to one key of the installation's JiraSettings. */
export function AdminPage({ t, config, form, problems, status, onChange, onSave }: AdminPageProps) {
  const byField = problemsByField(problems);
  const policyOptions: Option[] = config.policies.map((p) => ({ label: p.name, value: p.id }));
  const projectOptions: Option[] = [{ label: t.sameAsDefault, value: '' }, ...policyOptions];
  const sitePriorityNames = config.site.priorities.map((p) => p.name);
  // Statuses in the Done category resolve an issue; they cannot pause it. Stored names the site no longer has stay visible.
  const statusNames = [
    ...new Set([...config.site.statuses.filter((s) => s.category !== 'done').map((s) => s.name), ...form.pauseStatuses]),
  ];
  const statusOptions: Option[] = statusNames.map((name) => ({ label: name, value: name }));
  const roleOptions: Option[] = [
    { label: t.anyoneButReporter, value: '' },
    ...config.site.roles.map((r) => ({ label: r.name, value: r.name })),
  ];
  const groupOptions: Option[] = [
    { label: t.anyoneButReporter, value: '' },
    ...config.site.groups.map((g) => ({ label: g.name, value: g.name })),
  ];
  return (
    <Stack space="space.300" testId="plazo-admin">
      <Heading size="large">{t.title}</Heading>
      <Text>{t.intro}</Text>

      {problems.length > 0 && (
        <SectionMessage appearance="error" title={t.problems(problems.length)} testId="plazo-problems">
          <List type="unordered">
            {problems.map((p) => (
              <ListItem key={p.path + p.message}>{`${p.path}: ${p.message}`}</ListItem>
            ))}
          </List>
        </SectionMessage>
      )}
      {status === 'saved' && problems.length === 0 && (
        <SectionMessage appearance="success" testId="plazo-saved">
          <Text>{t.saved}</Text>
        </SectionMessage>
      )}
      {(config.siteProblems ?? []).length > 0 && (
        <SectionMessage appearance="warning" title={t.siteProblems} testId="plazo-site-problems">
          <List type="unordered">
            {(config.siteProblems ?? []).map((p) => (
              <ListItem key={p.code + p.detail}>{`${p.code}: ${p.detail}`}</ListItem>
            ))}
          </List>
        </SectionMessage>
      )}

      <Stack space="space.050">
        <Label labelFor="plazo-policy">{t.defaultPolicy}</Label>
        <Select
          inputId="plazo-policy"
          testId="plazo-field-policy"
          options={policyOptions}
          value={selected(policyOptions, form.policy)}
          onChange={(choice) => onChange({ ...form, policy: values(choice)[0] ?? null })}
        />
        <HelperMessage>{t.defaultPolicyHelp}</HelperMessage>
        <FieldProblems messages={byField} field="policy" />
      </Stack>

      <Stack space="space.100">
        <Heading size="small">{t.projects}</Heading>
        <Text>{t.projectsHelp}</Text>
        {config.site.projects.map((project) => (
          <Stack key={project.id} space="space.050">
            <Label labelFor={`plazo-project-${project.key}`}>{`${project.name} (${project.key})`}</Label>
            <Select
              inputId={`plazo-project-${project.key}`}
              testId={`plazo-field-projects.${project.key}`}
              options={projectOptions}
              value={selected(projectOptions, form.projectPolicies.get(project.key))}
              onChange={(choice) => {
                const next = new Map(form.projectPolicies);
                const policy = values(choice)[0];
                if (policy) next.set(project.key, policy);
                else next.delete(project.key);
                onChange({ ...form, projectPolicies: next });
              }}
            />
            <FieldProblems messages={byField} field={`projects.${project.key}`} />
          </Stack>
        ))}
      </Stack>

      <Stack space="space.100">
        <Heading size="small">{t.priorityMap}</Heading>
        <Text>{t.priorityMapHelp}</Text>
        {prioritiesInUse(form, config).map((p) => {
          const options: Option[] = [
            { label: t.byRank(rankDefault(p.rank, p.of, config.site.priorities)), value: '' },
            ...sitePriorityNames.map((name) => ({ label: name, value: name })),
          ];
          return (
            <Stack key={p.id} space="space.050">
              <Label labelFor={`plazo-priority-${p.id}`}>{p.name}</Label>
              <Select
                inputId={`plazo-priority-${p.id}`}
                testId={`plazo-field-priorityMap.${p.id}`}
                options={options}
                value={selected(options, form.priorityMap.get(p.id))}
                onChange={(choice) => {
                  const next = new Map(form.priorityMap);
                  const name = values(choice)[0];
                  if (name) next.set(p.id, name);
                  else next.delete(p.id);
                  onChange({ ...form, priorityMap: next });
                }}
              />
              <FieldProblems messages={byField} field={`priorityMap.${p.id}`} />
            </Stack>
          );
        })}
      </Stack>

      <Stack space="space.050">
        <Label labelFor="plazo-pause-statuses">{t.pauseStatuses}</Label>
        <Select
          inputId="plazo-pause-statuses"
          testId="plazo-field-pauseStatuses"
          isMulti
          options={statusOptions}
          value={statusOptions.filter((o) => form.pauseStatuses.includes(o.value))}
          onChange={(choice) => onChange({ ...form, pauseStatuses: values(choice) })}
        />
        <HelperMessage>{t.pauseStatusesHelp}</HelperMessage>
        <FieldProblems messages={byField} field="pauseStatuses" />
      </Stack>

      <Stack space="space.050">
        <Heading size="small">{t.agents}</Heading>
        <Text>{t.agentsHelp}</Text>
        <Label labelFor="plazo-agents-role">{t.projectRole}</Label>
        <Select
          inputId="plazo-agents-role"
          testId="plazo-field-agents.projectRole"
          options={roleOptions}
          value={selected(roleOptions, form.projectRole)}
          onChange={(choice) => onChange({ ...form, projectRole: values(choice)[0] ?? null })}
        />
        <FieldProblems messages={byField} field="agents.projectRole" />
        <Label labelFor="plazo-agents-group">{t.group}</Label>
        <Select
          inputId="plazo-agents-group"
          testId="plazo-field-agents.group"
          options={groupOptions}
          value={selected(groupOptions, form.group)}
          onChange={(choice) => onChange({ ...form, group: values(choice)[0] ?? null })}
        />
        <FieldProblems messages={byField} field="agents.group" />
      </Stack>

      <Stack space="space.050">
        <Label labelFor="plazo-at-risk">{t.atRisk}</Label>
        <Textfield
          id="plazo-at-risk"
          testId="plazo-field-atRiskRemainingRatio"
          value={form.atRiskPercent}
          isInvalid={byField.has('atRiskRemainingRatio')}
          onChange={(event) => onChange({ ...form, atRiskPercent: String(event.target.value ?? '') })}
        />
        <HelperMessage>{t.atRiskHelp}</HelperMessage>
        <FieldProblems messages={byField} field="atRiskRemainingRatio" />
      </Stack>

      <Stack space="space.050">
        <Checkbox
          id="plazo-dry-run"
          testId="plazo-field-dryRun"
          label={t.dryRun}
          isChecked={form.dryRun}
          onChange={(event) => onChange({ ...form, dryRun: event.target.checked === true })}
        />
        <HelperMessage>{t.dryRunHelp}</HelperMessage>
        <FieldProblems messages={byField} field="dryRun" />
      </Stack>

      <Button appearance="primary" testId="plazo-save" isDisabled={status === 'saving'} onClick={onSave}>
        {status === 'saving' ? t.saving : t.save}
      </Button>
    </Stack>
  );
}
