import type { FullContext } from '@forge/bridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgeHost, type RemoteAnswer, type RemoteCall } from '../../test-support/forge-host';
import { byTestId, fire, hasTestId, ofType, renderForge, textOf, waitForDoc } from '../../test-support/render-forge';
import type { ConfigView, JiraSettings } from '../worker/worker-contract';
import { AdminPageApp } from './admin-page-app';

const context = (locale: string): Partial<FullContext> => ({
  locale: locale as FullContext['locale'],
  timezone: 'UTC',
  moduleKey: 'plazo-admin',
});

const config = (settings: JiraSettings, extra: Partial<ConfigView> = {}): ConfigView => ({
  settings,
  policies: [
    {
      id: 'websaas',
      name: 'WebSaaS',
      priorities: [
        { id: 'urgente', name: 'Urgente' },
        { id: 'importante', name: 'Importante' },
        { id: 'normal', name: 'Normal' },
      ],
    },
    {
      id: 'infraspeak',
      name: 'Infraspeak',
      priorities: [
        { id: 'critica', name: 'Crítica' },
        { id: 'normal', name: 'Normal' },
      ],
    },
  ],
  site: {
    priorities: ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, i) => ({ id: String(i + 1), name })),
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '2', name: 'Waiting for customer', category: 'indeterminate' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '4', name: 'Done', category: 'done' },
    ],
    projects: [
      { id: '10000', key: 'SUP', name: 'Support' },
      { id: '10001', key: 'OPS', name: 'Operations' },
    ],
    roles: [{ id: '10002', name: 'Developers' }],
    groups: [{ groupId: 'g-1', name: 'support-agents' }],
  },
  ...extra,
});

/** The stand-in Worker's config routes: GET answers `loaded`; PUT answers what `onPut` says and records the body. */
function worker(loaded: RemoteAnswer, onPut: (body: unknown) => RemoteAnswer = (body) => ({ status: 200, body: { settings: body } })) {
  return (call: RemoteCall): RemoteAnswer => {
    if (call.path !== '/forge/jira/config') return { status: 404, body: { error: { code: 'not-found', detail: call.path } } };
    if (call.method === 'GET') return loaded;
    if (call.method === 'PUT') return onPut(call.body);
    return { status: 405, body: { error: { code: 'method', detail: call.method } } };
  };
}

async function open(locale: string, loaded: RemoteAnswer, onPut?: (body: unknown) => RemoteAnswer) {
  forgeHost.reset(context(locale), worker(loaded, onPut));
  await renderForge(<AdminPageApp />);
  return waitForDoc((doc) => !hasTestId(doc, 'plazo-loading'));
}

const field = (testId: string) => byTestId(forgeHost.doc!, testId);
const puts = () => forgeHost.calls.filter((c) => c.method === 'PUT').map((c) => c.body);

beforeEach(() => forgeHost.reset({}, () => ({ rejects: 'unset' })));
// The reconciler reports render errors to Forge through the bridge: none may reach it.
afterEach(() => expect(forgeHost.errors).toEqual([]));

describe('the admin page', () => {
  it('shows the stored settings in their fields, with the site’s own lists to choose from', async () => {
    const stored: JiraSettings = {
      policy: 'websaas',
      projects: { OPS: { policy: 'infraspeak' } },
      priorityMap: { urgente: 'High' },
      pauseStatuses: ['Waiting for customer'],
      agents: { group: 'support-agents' },
      atRiskRemainingRatio: 0.3,
    };
    await open('en-US', { status: 200, body: config(stored) });
    expect((field('plazo-field-policy').props.value as { value: string }).value).toBe('websaas');
    expect((field('plazo-field-projects.OPS').props.value as { value: string }).value).toBe('infraspeak');
    expect((field('plazo-field-projects.SUP').props.value as { label: string }).label).toBe('The general policy');
    // Priorities of both policies in use, once each; unmapped ones say which Jira priority their rank gives them.
    expect((field('plazo-field-priorityMap.urgente').props.value as { value: string }).value).toBe('High');
    expect((field('plazo-field-priorityMap.importante').props.value as { label: string }).label).toBe('By rank: High');
    expect((field('plazo-field-priorityMap.critica').props.value as { label: string }).label).toBe('By rank: Highest');
    expect((field('plazo-field-priorityMap.normal').props.value as { label: string }).label).toBe('By rank: Low');
    // Done statuses resolve; they are not offered as pauses.
    const statuses = field('plazo-field-pauseStatuses');
    expect((statuses.props.options as { value: string }[]).map((o) => o.value)).toEqual(['To Do', 'Waiting for customer', 'In Progress']);
    expect((statuses.props.value as { value: string }[]).map((o) => o.value)).toEqual(['Waiting for customer']);
    expect((field('plazo-field-agents.group').props.value as { value: string }).value).toBe('support-agents');
    expect((field('plazo-field-agents.projectRole').props.value as { label: string }).label).toBe('Anyone but the reporter');
    expect(field('plazo-field-atRiskRemainingRatio').props.value).toBe('30');
    expect(field('plazo-field-dryRun').props.isChecked).toBe(false);
  });

  it('saves what the admin chose as the contract’s JiraSettings with one PUT', async () => {
    await open('en-US', { status: 200, body: config({}) });
    await fire(field('plazo-field-policy'), 'onChange', { label: 'WebSaaS', value: 'websaas' });
    await fire(field('plazo-field-projects.SUP'), 'onChange', { label: 'Infraspeak', value: 'infraspeak' });
    await fire(field('plazo-field-priorityMap.critica'), 'onChange', { label: 'High', value: 'High' });
    await fire(field('plazo-field-pauseStatuses'), 'onChange', [
      { label: 'Waiting for customer', value: 'Waiting for customer' },
      { label: 'To Do', value: 'To Do' },
    ]);
    await fire(field('plazo-field-agents.projectRole'), 'onChange', { label: 'Developers', value: 'Developers' });
    await fire(field('plazo-field-atRiskRemainingRatio'), 'onChange', { target: { value: '20' } });
    await fire(field('plazo-field-dryRun'), 'onChange', { target: { checked: true } });
    await fire(field('plazo-save'), 'onClick');
    const doc = await waitForDoc((d) => hasTestId(d, 'plazo-saved'));
    expect(puts()).toEqual([
      {
        policy: 'websaas',
        dryRun: true,
        atRiskRemainingRatio: 0.2,
        projects: { SUP: { policy: 'infraspeak' } },
        priorityMap: { critica: 'High' },
        pauseStatuses: ['Waiting for customer', 'To Do'],
        agents: { projectRole: 'Developers' },
      },
    ]);
    expect(textOf(byTestId(doc, 'plazo-saved'))).toBe('Settings saved.');
  });

  it('shows every problem the Worker names on a 400, at the top and under its field, and says nothing was saved', async () => {
    const refused: RemoteAnswer = {
      status: 400,
      body: {
        error: {
          code: 'invalid-config',
          detail: 'the settings have 3 problems',
          problems: [
            { path: 'projects.SUP.policy', message: 'unknown policy "nope"' },
            { path: 'priorityMap.urgente', message: 'Jira has no priority "Blocker"' },
            { path: 'pauseStatuses[0]', message: 'Jira has no status "Gone"' },
          ],
        },
      },
    };
    await open('es-ES', { status: 200, body: config({ pauseStatuses: ['Gone'] }) }, () => refused);
    await fire(field('plazo-save'), 'onClick');
    const doc = await waitForDoc((d) => hasTestId(d, 'plazo-problems'));
    const top = byTestId(doc, 'plazo-problems');
    expect(top.props.title).toBe('Plazo no guardó nada: hay 3 problemas.');
    expect(ofType(top, 'ListItem').map(textOf)).toEqual([
      'projects.SUP.policy: unknown policy "nope"',
      'priorityMap.urgente: Jira has no priority "Blocker"',
      'pauseStatuses[0]: Jira has no status "Gone"',
    ]);
    expect(textOf(byTestId(doc, 'plazo-problem-projects.SUP'))).toBe('unknown policy "nope"');
    expect(textOf(byTestId(doc, 'plazo-problem-priorityMap.urgente'))).toBe('Jira has no priority "Blocker"');
    expect(textOf(byTestId(doc, 'plazo-problem-pauseStatuses'))).toBe('Jira has no status "Gone"');
    expect(hasTestId(doc, 'plazo-saved')).toBe(false);
  });

  it('refuses a threshold outside 1–99 % itself, naming it, without calling the Worker', async () => {
    await open('pt-BR', { status: 200, body: config({}) });
    await fire(field('plazo-field-atRiskRemainingRatio'), 'onChange', { target: { value: '150' } });
    await fire(field('plazo-save'), 'onClick');
    const doc = await waitForDoc((d) => hasTestId(d, 'plazo-problems'));
    expect(puts()).toEqual([]);
    expect(textOf(byTestId(doc, 'plazo-problem-atRiskRemainingRatio'))).toBe('deve ser um número entre 1 e 99');
    expect(field('plazo-field-atRiskRemainingRatio').props.isInvalid).toBe(true);
  });

  it('shows a refusal without named problems as one problem rather than failing silently', async () => {
    await open('en-US', { status: 200, body: config({}) }, () => ({
      status: 500,
      body: { error: { code: 'internal', detail: 'D1 is down' } },
    }));
    await fire(field('plazo-save'), 'onClick');
    const doc = await waitForDoc((d) => hasTestId(d, 'plazo-problems'));
    expect(ofType(byTestId(doc, 'plazo-problems'), 'ListItem').map(textOf)).toEqual(['internal: D1 is down']);
  });

  it('lists the site lists the Worker could not read', async () => {
    const doc = await open('en-US', {
      status: 200,
      body: config({}, { siteProblems: [{ code: 'groups-unreadable', detail: 'Jira answered 403 for /rest/api/3/groups/picker' }] }),
    });
    expect(textOf(byTestId(doc, 'plazo-site-problems'))).toContain('groups-unreadable: Jira answered 403');
  });

  it('says the Worker cannot be reached when the settings cannot be loaded', async () => {
    const doc = await open('es-ES', { rejects: 'Remote could not be reached' });
    const notice = byTestId(doc, 'plazo-admin-failed');
    expect(notice.props.title).toBe('No se puede contactar con Plazo');
    expect(textOf(notice)).toContain('Remote could not be reached');
    expect(hasTestId(doc, 'plazo-admin')).toBe(false);
  });
});
