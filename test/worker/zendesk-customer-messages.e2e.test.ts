import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { websaasOpenOnlyAfterTomorrow } from './support/closed-policy.js';
import { settled, writeBacks } from './support/storage.js';
import {
  api,
  createInstallation,
  deliverZendesk,
  standInAccount,
  standInFault,
  standInState,
  standInTicket,
  uniqueAccount,
  zendeskEvent,
} from './support/zendesk-support.js';

const question = {
  subject: '¿Cómo genero el reporte de ventas?',
  description: 'Necesito generar el reporte de ventas del mes en el sistema y no encuentro la opción.',
};

/** A Zendesk account set up through the setup step with its own policy document and the given settings. */
async function ready(settings: Record<string, unknown>, policyDocument?: unknown) {
  const account = uniqueAccount();
  await standInAccount(account);
  const ticketId = 6000 + Math.floor(Math.random() * 1000);
  await standInTicket(account, ticketId, { priority: null, tags: [] });
  const token = await createInstallation(account.subdomain);
  const body = {
    webhookSigningSecret: account.webhookSecret,
    apiEmail: account.email,
    apiToken: account.apiToken,
    settings,
    ...(policyDocument ? { policyDocument } : {}),
  };
  const res = await api('/api/v1/zendesk/setup', token, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const deliver = (payload: unknown) =>
    deliverZendesk(payload, { secret: account.webhookSecret, accountId: account.accountId, subdomain: account.subdomain });
  return { account, ticketId, token, deliver, key: `zendesk:${account.subdomain}:${ticketId}` };
}

const told = async (key: string) =>
  (
    await env.DB.prepare('SELECT code FROM ticket_messages WHERE ticket_key = ?1 ORDER BY code').bind(key).all<{ code: string }>()
  ).results.map((r) => r.code);

describe('what the ticket says to the requester and to the agent (Zendesk)', () => {
  it('answers the requester once in a public comment, in Spanish, after the internal note', async () => {
    const { document, spanishDate } = websaasOpenOnlyAfterTomorrow();
    const { account, ticketId, deliver, key } = await ready({ policy: 'websaas-closed', customerMessages: true }, document);
    await deliver(zendeskEvent('created', account, ticketId, { detail: { priority: null, tags: [], ...question } }));
    const evaluation = JSON.parse((await settled(key)).evaluation);
    expect(evaluation.flags).toEqual(expect.arrayContaining(['after-hours', 'missing-information']));

    const state = await standInState(account, ticketId);
    expect(state.comments.map((c) => c.public)).toEqual([false, true]);
    const reply = state.comments[1]!.body;
    expect(reply).toContain(`Su solicitud de servicio quedó registrada con el número de caso #${ticketId}.`);
    expect(reply).toContain(`será atendida desde la próxima apertura: ${spanishDate}, 00:00 (UTC+00:00).`);
    expect(reply).toContain('necesitamos que nos indique: Nombre de la empresa, Nombre de la persona que reporta');
    expect(reply).not.toMatch(/<!--|\b(?:Your|request|will be)\b/);
    expect(await told(key)).toEqual(['after-hours', 'case-opened', 'missing-information']);

    // The requester writes again: evaluated again, nothing said twice.
    await deliver(zendeskEvent('commentAdded', account, ticketId));
    await settled(key);
    expect((await standInState(account, ticketId)).comments.filter((c) => c.public && c.author_id === account.userId)).toHaveLength(1);
  });

  it('says nothing while Zendesk refuses the write-back, and the reply once when the retry goes through', async () => {
    const { document } = websaasOpenOnlyAfterTomorrow();
    const { account, ticketId, deliver, key } = await ready({ policy: 'websaas-closed', customerMessages: true }, document);
    // The first update (priority, tags, note) is refused once: the job retries everything, the reply last.
    await standInFault(account, { method: 'PUT', path: `/api/v2/tickets/${ticketId}.json`, status: 503, times: 1 });
    await deliver(zendeskEvent('created', account, ticketId, { detail: { priority: null, tags: [], ...question } }));
    await settled(key);
    const state = await standInState(account, ticketId);
    expect(state.comments.filter((c) => c.public)).toHaveLength(1);
    expect(await told(key)).toEqual(['after-hours', 'case-opened', 'missing-information']);
    expect((await writeBacks(key)).some((w) => w.status === 'applied')).toBe(true);
  });

  it("notes Skedu's tier and the supervisor hint for the agent, with no priority to announce", async () => {
    const { account, ticketId, deliver, key } = await ready({ policy: 'skedu' });
    const payment = {
      priority: null,
      tags: [],
      subject: 'Pago no reflejado',
      description: 'Pagamos la mensualidad por transferencia y no aparece reflejado el pago.',
    };
    await deliver(zendeskEvent('created', account, ticketId, { detail: payment }));
    await settled(key);
    const state = await standInState(account, ticketId);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]).toMatchObject({ public: false });
    expect(state.comments[0]!.body).toMatch(/^Plazo \(Niveles de Soporte de Skedu\)\./);
    expect(state.comments[0]!.body).toContain(
      'Para el agente:\n- Nivel de soporte: Soporte administrativo — Asuntos contractuales, pagos, inquietudes comerciales; ' +
        'los contractuales, de información privada y de pagos van a la jefatura.',
    );
    expect(state.comments[0]!.body).toContain(
      '- Asunto contractual, de información privada o de pagos: derivar o consultar con la jefatura directa.',
    );

    // Nothing new for the agent: no second note.
    await deliver(zendeskEvent('commentAdded', account, ticketId, { detail: payment }));
    await settled(key);
    expect((await standInState(account, ticketId)).comments).toHaveLength(1);
  });
});
