import type { FullContext } from '@forge/bridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluation, issueView, websaasEvaluation } from '../../test-support/evaluations';
import { forgeHost, type RemoteAnswer, type RemoteCall } from '../../test-support/forge-host';
import { byTestId, hasTestId, ofType, renderForge, textOf, waitForDoc } from '../../test-support/render-forge';
import { IssuePanelApp } from './issue-panel-app';

const context = (locale: string, timezone = 'America/Bogota'): Partial<FullContext> => ({
  locale: locale as FullContext['locale'],
  timezone,
  moduleKey: 'plazo-issue-sla',
  extension: { type: 'jira:issueContext', issue: { id: '10042', key: 'SUP-7', type: 'Task' }, project: { id: '10000', key: 'SUP' } },
});

/** The stand-in Worker: GET /forge/jira/issues/10042 answers `answer`; anything else is a 404 the app must not ask for. */
const worker =
  (answer: RemoteAnswer) =>
  (call: RemoteCall): RemoteAnswer =>
    call.method === 'GET' && call.path === '/forge/jira/issues/10042'
      ? answer
      : { status: 404, body: { error: { code: 'not-found', detail: call.path } } };

const ok = (nowIso: string, extra = {}) => ({ status: 200, body: issueView(websaasEvaluation(nowIso, extra)) });

async function show(locale: string, answer: RemoteAnswer) {
  forgeHost.reset(context(locale), worker(answer));
  await renderForge(<IssuePanelApp />);
  return waitForDoc((doc) => !hasTestId(doc, 'plazo-loading'));
}

beforeEach(() => forgeHost.reset({}, () => ({ rejects: 'unset' })));
// The reconciler reports render errors to Forge through the bridge: none may reach it.
afterEach(() => expect(forgeHost.errors).toEqual([]));

describe('the issue panel', () => {
  it('shows a spinner until the Worker answers, then the panel, having asked for this issue only', async () => {
    let answer!: (a: RemoteAnswer) => void;
    forgeHost.reset(context('en-US'), () => new Promise<RemoteAnswer>((resolve) => (answer = resolve)));
    await renderForge(<IssuePanelApp />);
    const loading = await waitForDoc((doc) => hasTestId(doc, 'plazo-loading') && forgeHost.calls.length === 1);
    expect(byTestId(loading, 'plazo-loading').type).toBe('Spinner');
    answer(ok('2026-03-09T10:20:00-05:00'));
    const doc = await waitForDoc((d) => hasTestId(d, 'plazo-panel'));
    expect(forgeHost.calls).toEqual([{ method: 'GET', path: '/forge/jira/issues/10042' }]);
    expect(textOf(byTestId(doc, 'plazo-priority'))).toBe('urgente');
  });

  it('shows the decided priority, its Jira priority and why, in the viewer’s language', async () => {
    const doc = await show('es-ES', ok('2026-03-09T10:20:00-05:00'));
    expect(textOf(byTestId(doc, 'plazo-priority'))).toBe('urgente');
    expect(textOf(byTestId(doc, 'plazo-host-priority'))).toBe('Jira: Highest');
    const why = textOf(byTestId(doc, 'plazo-reasons'));
    expect(why).toContain('Por qué');
    expect(why).toContain('Indica urgente');
    expect(why).toContain('confianza 97');
    // The customer's words that decided it, one tag each.
    expect(ofType(byTestId(doc, 'plazo-reasons'), 'Tag').map((t) => t.props.text)).toContain('ninguna caja puede facturar');
  });

  it('shows one lozenge per running target with the time left on its clock and the due instant in both zones', async () => {
    const doc = await show('en-US', ok('2026-03-09T10:20:00-05:00'));
    const first = byTestId(doc, 'plazo-state-firstResponse');
    expect(first.type).toBe('Lozenge');
    expect(first.props.appearance).toBe('inprogress');
    expect(textOf(first)).toBe('Running');
    // WebSaaS counts the first response in calendar time and the resolution in business hours.
    expect(textOf(byTestId(doc, 'plazo-remaining-firstResponse'))).toBe('40 min left (at Mar 9, 2026, 10:20 AM)');
    expect(textOf(byTestId(doc, 'plazo-remaining-resolution'))).toMatch(/^3 h 40 min business left/);
    expect(textOf(byTestId(doc, 'plazo-due-resolution'))).toBe(
      'Due Mar 9, 2026, 2:00 PM (your time) · Mar 9, 2026, 2:00 PM (America/Bogota)',
    );
  });

  it('writes the due instant in the viewer’s own zone beside the policy’s', async () => {
    forgeHost.reset(context('pt-BR', 'Europe/Lisbon'), worker(ok('2026-03-09T10:20:00-05:00')));
    await renderForge(<IssuePanelApp />);
    const doc = await waitForDoc((d) => hasTestId(d, 'plazo-panel'));
    expect(textOf(byTestId(doc, 'plazo-due-resolution'))).toBe(
      'Vence 9 de mar. de 2026, 19:00 (seu horário) · 9 de mar. de 2026, 14:00 (America/Bogota)',
    );
    expect(textOf(byTestId(doc, 'plazo-state-resolution'))).toBe('Em curso');
  });

  it('marks a target at risk in yellow', async () => {
    const doc = await show('en-US', ok('2026-03-09T10:50:00-05:00'));
    const first = byTestId(doc, 'plazo-state-firstResponse');
    expect([first.props.appearance, textOf(first)]).toEqual(['moved', 'At risk']);
    expect(textOf(byTestId(doc, 'plazo-remaining-firstResponse'))).toBe('10 min left (at Mar 9, 2026, 10:50 AM)');
    expect(byTestId(doc, 'plazo-state-resolution').props.appearance).toBe('inprogress');
  });

  it('marks a breached target in red with how long it is overdue', async () => {
    const doc = await show('es-ES', ok('2026-03-09T12:30:00-05:00'));
    const first = byTestId(doc, 'plazo-state-firstResponse');
    expect([first.props.appearance, textOf(first)]).toEqual(['removed', 'Vencido']);
    expect(textOf(byTestId(doc, 'plazo-remaining-firstResponse'))).toBe('vencido hace 1 h 30 min (a las 9 mar 2026, 12:30)');
  });

  it('marks a met target in green with when it was met, and no due instant', async () => {
    const reply = { timeline: [{ type: 'reply', at: '2026-03-09T10:30:00-05:00', public: true, byAgent: true }] };
    const doc = await show('en-US', ok('2026-03-09T11:00:00-05:00', reply));
    const first = byTestId(doc, 'plazo-state-firstResponse');
    expect([first.props.appearance, textOf(first)]).toEqual(['success', 'Met']);
    expect(textOf(byTestId(doc, 'plazo-remaining-firstResponse'))).toBe('met Mar 9, 2026, 10:30 AM');
    expect(hasTestId(doc, 'plazo-due-firstResponse')).toBe(false);
    expect(hasTestId(doc, 'plazo-due-resolution')).toBe(true);
  });

  it('marks a paused target in grey and says the clock is stopped', async () => {
    const waiting = { timeline: [{ type: 'status', at: '2026-03-09T10:10:00-05:00', status: 'pending' }] };
    const doc = await show('en-US', ok('2026-03-09T11:00:00-05:00', waiting));
    const resolution = byTestId(doc, 'plazo-target-resolution');
    expect(byTestId(doc, 'plazo-state-resolution').props.appearance).toBe('default');
    expect(textOf(resolution)).toContain('Paused');
    expect(textOf(resolution)).toContain('clock stopped outside hours or while waiting');
  });

  it('shows the flags with what each means and what is missing', async () => {
    const doc = await show('es-ES', ok('2026-03-09T10:20:00-05:00'));
    const flag = byTestId(doc, 'plazo-flag-missing-information');
    expect(textOf(flag)).toBe('Falta información');
    const tooltip = ofType(byTestId(doc, 'plazo-flags'), 'Tooltip')[0]!;
    expect(String(tooltip.props.content)).toMatch(/^Falta: person, email\. Pídeselo al cliente\./);
    expect(textOf(byTestId(doc, 'plazo-missing'))).toBe('Falta: person, email');
  });

  it('shows an excluded issue as out of the targets, with the policy’s reason, and no lozenge per target', async () => {
    const streaming = evaluation(
      'peewah',
      {
        id: '10042',
        createdAt: '2026-03-09T10:00:00-05:00',
        subject: 'El streaming del evento se corta',
        body: 'La transmisión en vivo se cae, el internet del lugar es muy lento',
      },
      '2026-03-09T10:20:00-05:00',
    );
    const view = issueView(streaming, null, { id: 'peewah', name: 'Peewah', locale: 'es', zone: 'America/Bogota' });
    const doc = await show('es-ES', { status: 200, body: view });
    const excluded = byTestId(doc, 'plazo-excluded');
    expect(textOf(excluded)).toContain('Problemas con la conexión a internet');
    expect(textOf(excluded)).toContain('Sin plazos: la política excluye este ticket.');
    expect(hasTestId(doc, 'plazo-target-firstResponse')).toBe(false);
    expect(hasTestId(doc, 'plazo-target-resolution')).toBe(false);
    expect(hasTestId(doc, 'plazo-host-priority')).toBe(false);
  });

  it('says plainly when the Worker has not evaluated the issue yet', async () => {
    const doc = await show('en-US', {
      status: 404,
      body: { error: { code: 'not-seen', detail: 'Plazo has not evaluated issue 10042 yet' } },
    });
    const notice = byTestId(doc, 'plazo-not-seen');
    expect(notice.type).toBe('SectionMessage');
    expect(notice.props.appearance).toBe('information');
    expect(notice.props.title).toBe('Plazo has not evaluated this issue yet');
    expect(hasTestId(doc, 'plazo-panel')).toBe(false);
  });

  it('says the Worker cannot be reached when Forge cannot call it', async () => {
    const doc = await show('pt-BR', { rejects: 'Remote could not be reached' });
    const notice = byTestId(doc, 'plazo-unreachable');
    expect(notice.props.appearance).toBe('warning');
    expect(notice.props.title).toBe('Não foi possível contatar o Plazo');
    expect(textOf(notice)).toContain('Remote could not be reached');
  });

  it('treats a 503 from the Worker as unreachable and any other error as an error naming its code', async () => {
    const down = await show('en-US', { status: 503, body: { error: { code: 'overloaded', detail: 'try later' } } });
    expect(byTestId(down, 'plazo-unreachable').props.title).toBe('Plazo cannot be reached');
    const broken = await show('en-US', { status: 500, body: { error: { code: 'internal', detail: 'boom' } } });
    const notice = byTestId(broken, 'plazo-error');
    expect(notice.props.appearance).toBe('error');
    expect(textOf(notice)).toBe('internal: boom');
  });

  it('asks the Worker nothing when Jira does not say which issue the panel is on', async () => {
    forgeHost.reset(
      { locale: 'en-US', timezone: 'UTC', extension: { type: 'jira:issueContext' } },
      worker(ok('2026-03-09T10:20:00-05:00')),
    );
    await renderForge(<IssuePanelApp />);
    const doc = await waitForDoc((d) => hasTestId(d, 'plazo-error'));
    expect(textOf(byTestId(doc, 'plazo-error'))).toContain('no-issue');
    expect(forgeHost.calls).toEqual([]);
  });

  it('refuses an answer that is not the contract’s shape instead of rendering half of it', async () => {
    const doc = await show('en-US', { status: 200, body: { ticket: { key: 'x', status: 'open' } } });
    expect(textOf(byTestId(doc, 'plazo-error'))).toContain('unexpected-answer');
  });
});
