import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { websaasOpenOnlyAfterTomorrow } from './support/closed-policy.js';
import { deliver, example, githubTime, type Ids, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { issueState } from './support/stand-in.js';
import { admin, settled, ticketKey, writeBacks } from './support/storage.js';

const SLA_MARKER = '<!-- plazo:sla-comment -->';
const question = {
  title: '¿Cómo genero el reporte de ventas?',
  body: 'Necesito generar el reporte de ventas del mes en el sistema y no encuentro la opción.',
};

/** A GitHub App installation with WebSaaS (open only the day after tomorrow) as its own policy and the given settings. */
async function installation(
  settings: Record<string, unknown>,
): Promise<{ installationId: number; openingMs: number; spanishDate: string }> {
  const installationId = 800_000 + Math.floor(Math.random() * 100_000);
  const created = example('installation', 'created');
  created.installation.id = installationId;
  expect(await (await deliver('installation', created)).json()).toMatchObject({ status: 'accepted' });
  const { document, openingMs, spanishDate } = websaasOpenOnlyAfterTomorrow();
  const key = `github:${installationId}`;
  const put = (path: string, body: unknown) =>
    exports.default.fetch(admin(`/api/v1/installations/${key}/${path}`, { method: 'PUT', body: JSON.stringify(body) }));
  expect((await put('policy', document)).status).toBe(200);
  expect((await put('settings', { policy: 'websaas-closed', ...settings })).status).toBe(200);
  return { installationId, openingMs, spanishDate };
}

const told = async (key: string) =>
  (
    await env.DB.prepare('SELECT code, mode FROM ticket_messages WHERE ticket_key = ?1 ORDER BY code, mode')
      .bind(key)
      .all<{ code: string; mode: string }>()
  ).results;

function edited(ids: Ids, installationId: number) {
  const payload = onIssue(example('issues', 'edited'), ids, { createdAt: recent(), installationId, ...question });
  payload.issue.updated_at = githubTime();
  return payload;
}

describe('what the issue says to its author and to the agent (GitHub)', () => {
  it('replies once, in Spanish: the case number, the next opening of a request kept out of hours, and what is missing', async () => {
    const ids = uniqueIds();
    const { installationId, openingMs, spanishDate } = await installation({ customerMessages: true });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId, ...question }));
    const key = ticketKey(ids.issueId);
    const evaluation = JSON.parse((await settled(key)).evaluation);
    expect(evaluation.flags).toEqual(expect.arrayContaining(['after-hours', 'missing-information']));
    expect(Date.parse(evaluation.messages.find((m: { code: string }) => m.code === 'after-hours').params.opening)).toBe(openingMs);

    const state = await issueState(ids);
    expect(state.comments).toHaveLength(2);
    const [sla, reply] = state.comments;
    expect(sla!.body.startsWith(SLA_MARKER)).toBe(true);
    expect(reply!.body).toMatch(/^<!-- plazo:customer-messages case-opened after-hours missing-information -->/);
    expect(reply!.body).toContain(`quedó registrada con el número de caso #${ids.number}.`);
    expect(reply!.body).toContain(`Su solicitud será atendida desde la próxima apertura: ${spanishDate}, 00:00 (UTC+00:00).`);
    expect(reply!.body).toContain(
      'necesitamos que nos indique: Nombre de la empresa, Nombre de la persona que reporta, Teléfono de contacto y Correo electrónico de contacto.',
    );
    // Below the hidden marker everything is the policy's Spanish.
    expect(reply!.body.split('\n').slice(1).join('\n')).not.toMatch(/\b(?:Your|request|will be|missing)\b/);
    expect(await told(key)).toEqual([
      { code: 'after-hours', mode: 'live' },
      { code: 'case-opened', mode: 'live' },
      { code: 'missing-information', mode: 'live' },
    ]);

    // Evaluated again (an edit): nothing is said twice.
    expect(await (await deliver('issues', edited(ids, installationId))).json()).toMatchObject({ status: 'accepted' });
    await settled(key);
    expect((await issueState(ids)).comments).toHaveLength(2);
  });

  it('says nothing to the author unless the installation turns customer messages on', async () => {
    const ids = uniqueIds();
    const { installationId } = await installation({});
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId, ...question }));
    const key = ticketKey(ids.issueId);
    await settled(key);
    expect((await issueState(ids)).comments).toHaveLength(1);
    expect(await told(key)).toEqual([]);
  });

  it('plans the reply once in a dry run and sends nothing', async () => {
    const ids = uniqueIds();
    const { installationId } = await installation({ customerMessages: true, dryRun: true });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId, ...question }));
    const key = ticketKey(ids.issueId);
    await settled(key);
    const [plan] = await writeBacks(key);
    expect(plan).toMatchObject({ mode: 'dry-run' });
    expect(plan!.changes.filter((c: { kind: string }) => c.kind === 'reply')).toEqual([
      expect.objectContaining({ codes: ['case-opened', 'after-hours', 'missing-information'] }),
    ]);
    expect((await told(key)).map((r) => r.mode)).toEqual(['dry-run', 'dry-run', 'dry-run']);

    const body = { ...question, body: `${question.body} Empresa: Tienda La 14 SAS.` };
    const again = onIssue(example('issues', 'edited'), ids, { createdAt: recent(), installationId, ...body });
    again.issue.updated_at = githubTime();
    await deliver('issues', again);
    await settled(key);
    const plans = await writeBacks(key);
    expect(plans.flatMap((p) => p.changes).filter((c: { kind: string }) => c.kind === 'reply')).toHaveLength(1);
    expect((await issueState(ids)).comments).toHaveLength(0);
  });

  it("shows the agent Peewah's routing category, its channel and the self-help guides in the SLA comment", async () => {
    const ids = uniqueIds();
    await deliver(
      'issues',
      onIssue(example('issues', 'opened'), ids, {
        createdAt: recent(),
        title: 'Prioridad Baja - Cambiar el banner de la landing',
        body: '¿Cómo cambio el banner de la landing page de nuestro evento?',
      }),
    );
    const row = await settled(ticketKey(ids.issueId));
    expect(row.policy_id).toBe('peewah');
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain('- Categoría: Soporte técnico — canal: soporte@peewah.co');
    expect(state.comments[0]!.body).toContain('Peewah Academy (https://peewah.co/minicurso-eventos-online/)');
  });
});
