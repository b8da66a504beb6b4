import { exports } from 'cloudflare:workers';
import { builtInPolicies, evaluateTicket, parseTicket } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { toReadableJson } from '../../core/src/cli/to-readable-json.js';
import { EVALUATE_MAX_BODY_BYTES } from '../../worker/src/http/body-limit.js';
import { admin } from './support/storage.js';

const call = (path: string, init?: RequestInit) => exports.default.fetch(`http://plazo.test${path}`, init);
const postJson = (path: string, body: unknown) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const ticket = {
  id: 'T-1',
  createdAt: '2026-03-02T10:00:00-05:00',
  subject: 'No podemos facturar',
  body: 'El punto de venta está detenido, no podemos facturar.',
};
const now = '2026-03-02T12:00:00-05:00';

describe('HTTP API', () => {
  it('lists the built-in policies and serves one by id', async () => {
    const list = (await (await call('/api/v1/policies')).json()) as { policies: { id: string }[] };
    expect(list.policies.map((p) => p.id).sort()).toEqual([...builtInPolicies.keys()].sort());
    const one = await call('/api/v1/policies/websaas');
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: 'websaas' });
    const missing = await call('/api/v1/policies/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'unknown-policy' } });
  });

  it('evaluates statelessly and returns the same evaluation as the core (and so the CLI)', async () => {
    const expected = evaluateTicket(
      builtInPolicies.get('websaas')!,
      (parseTicket(ticket) as { ok: true; value: never }).value,
      Date.parse(now),
    );
    if (!expected.ok) throw new Error(expected.issue.detail);
    const byId = await postJson('/api/v1/evaluate', { policy: 'websaas', ticket, now });
    expect(byId.status).toBe(200);
    expect(await byId.json()).toEqual(JSON.parse(JSON.stringify(expected.value)));

    const policy = await (await call('/api/v1/policies/websaas')).json();
    const byDocument = await postJson('/api/v1/evaluate', { policy, ticket, now });
    expect(byDocument.status).toBe(200);
    expect(await byDocument.json()).toEqual(JSON.parse(JSON.stringify(expected.value)));
  });

  it('evaluates with the largest built-in policy sent as a document, text model included, as `plazo policy` prints it', async () => {
    const policy = await (await call('/api/v1/policies/peewah')).json();
    expect(policy).toMatchObject({ triage: { model: { labels: expect.arrayContaining(['alta']) } } });
    const long = {
      ...ticket,
      subject: 'Evento de mañana',
      body: 'Hola, mañana tenemos la feria con 800 inscritos y desde esta mañana el formulario de registro no carga para nadie, sale un error al enviar.',
    };
    const body = `{"policy": ${toReadableJson(policy)}, "ticket": ${JSON.stringify(long)}, "now": "${now}"}`;
    expect(body.length).toBeLessThan(EVALUATE_MAX_BODY_BYTES);
    const byDocument = await postJson('/api/v1/evaluate', body);
    expect(byDocument.status).toBe(200);
    const byId = await postJson('/api/v1/evaluate', { policy: 'peewah', ticket: long, now });
    expect(await byDocument.json()).toEqual(await byId.json());
  });

  it('names the problem of a bad evaluate request', async () => {
    const badTicket = await postJson('/api/v1/evaluate', { policy: 'websaas', ticket: { id: 'x', createdAt: '2026-03-02 10:00' } });
    expect(badTicket.status).toBe(400);
    expect(await badTicket.json()).toMatchObject({ error: { code: 'invalid-ticket', problems: [{ path: 'createdAt' }] } });
    const badPolicy = await postJson('/api/v1/evaluate', { policy: { id: 'Bad Id' }, ticket });
    expect(badPolicy.status).toBe(400);
    expect(await badPolicy.json()).toMatchObject({ error: { code: 'invalid-policy' } });
    expect((await postJson('/api/v1/evaluate', '{"policy":')).status).toBe(400);
    expect((await postJson('/api/v1/evaluate', { ticket })).status).toBe(400);
    expect((await postJson('/api/v1/evaluate', { policy: 'nope', ticket })).status).toBe(404);
    const huge = await postJson('/api/v1/evaluate', { policy: 'websaas', ticket: { ...ticket, body: 'x'.repeat(1024 * 1024 + 10) } });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload-too-large' } });
  });

  it('guards the admin endpoints with the bearer token', async () => {
    const none = await call('/api/v1/tickets');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    const wrong = await call('/api/v1/tickets', { headers: { authorization: 'Bearer test-admin-tokeN' } });
    expect(wrong.status).toBe(401);
    const ok = await exports.default.fetch(admin('/api/v1/tickets?host=github&state=breached&limit=5'));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { tickets: { slaState: string }[] };
    expect(body.tickets.every((t) => t.slaState === 'breached')).toBe(true);
    const bad = await exports.default.fetch(admin('/api/v1/tickets?state=late'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid-query' } });
    expect((await exports.default.fetch(admin('/api/v1/failed-jobs'))).status).toBe(200);
    expect((await exports.default.fetch(admin('/api/v1/installations'))).status).toBe(200);
  });

  it('answers unknown routes and hosts with a JSON 404', async () => {
    const res = await call('/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not-found' } });
    const host = await call('/webhooks/bitbucket', { method: 'POST', body: '{}' });
    expect(host.status).toBe(404);
  });
});
