import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { websaasOpenOnlyAfterTomorrow } from './support/closed-policy.js';
import {
  adfDoc,
  deliverForge,
  forgeCall,
  forgeEvent,
  forgeIssue,
  signFit,
  standInForgeSite,
  standInIssue,
  standInState,
  uniqueForge,
} from './support/jira-support.js';
import { admin, settled, settledAt } from './support/storage.js';

const QUESTION = '¿Cómo genero el reporte de ventas? Necesito generar el reporte de ventas del mes y no encuentro la opción.';

/** A Forge installation with WebSaaS (open only the day after tomorrow) uploaded as its policy and the given settings. */
async function installation(settings: Record<string, unknown>) {
  const forge = uniqueForge();
  await standInForgeSite(forge);
  // The first Forge call creates the installation (the hourly trigger here, with the system token).
  const headers = { 'x-forge-oauth-system': forge.systemToken };
  expect((await forgeCall('/token', await signFit(forge), { method: 'POST', headers })).status).toBe(204);
  const { document, spanishDate } = websaasOpenOnlyAfterTomorrow();
  const upload = await exports.default.fetch(
    admin(`/api/v1/installations/${encodeURIComponent(forge.key)}/policy`, { method: 'PUT', body: JSON.stringify(document) }),
  );
  expect(upload.status).toBe(200);
  const body = JSON.stringify({ policy: 'websaas-closed', ...settings });
  expect((await forgeCall('/config', await signFit(forge, { ui: 'admin' }), { method: 'PUT', body })).status).toBe(200);
  return { forge, spanishDate };
}

/** An issue created through a Forge event and written back; its stand-in state and Plazo's evaluation. */
async function created(forge: ReturnType<typeof uniqueForge>) {
  const id = 300_000 + Math.floor(Math.random() * 100_000);
  await standInIssue(forge.prefix, id);
  const event = { ...forgeEvent('created', id), issue: forgeIssue(id, { summary: QUESTION }) };
  expect((await deliverForge(event, await signFit(forge), forge.systemToken)).status).toBe(202);
  const key = `${forge.key}:${id}`;
  const evaluation = JSON.parse((await settled(key)).evaluation);
  return { id, key, evaluation, issue: await standInState(forge.prefix, id) };
}

const texts = (body: unknown) => JSON.stringify(body);

describe('what a Jira issue says to its reporter and to the agent', () => {
  it("comments the customer messages once, in the policy's language, with the issue key as the case number", async () => {
    const { forge, spanishDate } = await installation({ customerMessages: true });
    const { id, key, evaluation, issue } = await created(forge);
    expect(evaluation.flags).toEqual(expect.arrayContaining(['after-hours']));
    expect(issue.comments).toHaveLength(2);
    const reply = texts(issue.comments[1]!.body);
    expect(reply).toContain(`quedó registrada con el número de caso SUP-${id}.`);
    expect(reply).toContain(`Su solicitud será atendida desde la próxima apertura: ${spanishDate}`);
    const told = await env.DB.prepare('SELECT code FROM ticket_messages WHERE ticket_key = ?1 ORDER BY code').bind(key).all();
    expect(told.results.map((r) => r.code)).toEqual(expect.arrayContaining(['after-hours', 'case-opened']));

    // Evaluated again (an update): nothing is said twice.
    const updated = { ...forgeEvent('updated', id), issue: forgeIssue(id, { summary: QUESTION }) };
    updated.issue.fields.updated = new Date(Date.now() + 1000).toISOString().replace('Z', '+0000');
    expect((await deliverForge(updated, await signFit(forge), forge.systemToken)).status).toBe(202);
    await settledAt(key, 2);
    expect((await standInState(forge.prefix, id)).comments).toHaveLength(2);
  });

  it("says nothing to the reporter unless customer messages are on, and shows the agent lines in Plazo's comment", async () => {
    const forge = uniqueForge();
    await standInForgeSite(forge);
    const id = 300_000 + Math.floor(Math.random() * 100_000);
    await standInIssue(forge.prefix, id, 'Medium', [], adfDoc('¿Cómo cambio el banner de la landing page de nuestro evento?'));
    const event = { ...forgeEvent('created', id), issue: forgeIssue(id, { summary: 'Prioridad Baja - Cambiar el banner de la landing' }) };
    expect((await deliverForge(event, await signFit(forge), forge.systemToken)).status).toBe(202);
    const row = await settled(`${forge.key}:${id}`);
    expect(row.policy_id).toBe('peewah');
    const { comments } = await standInState(forge.prefix, id);
    expect(comments).toHaveLength(1);
    expect(texts(comments[0]!.body)).toContain('Categoría: Soporte técnico — canal: soporte@peewah.co');
    expect(texts(comments[0]!.body)).toContain('Peewah Academy (https://peewah.co/minicurso-eventos-online/)');
  });
});
