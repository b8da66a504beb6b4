import { builtInPolicies, type Evaluation, type TicketInput } from '@plazo/core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without types.
import { policyAssetJson } from '../../worker/scripts/build-policy-assets.mjs';
import { toZendeskTicket } from '../../worker/src/hosts/zendesk/zendesk-ticket.js';
import { evaluateRoutes } from '../../worker/src/routes/evaluate.js';
import { loadEngine } from '../../zendesk-app/src/preview/plazo-engine.js';
import { previewTicket, type ZafTicketFields } from '../../zendesk-app/src/preview/preview-ticket.js';

// The sidebar's browser preview and the Worker must give the same answer for the same ticket: both run core's evaluateTicket,
// the preview on the policy document the Worker serves, the Worker behind POST /api/v1/evaluate and its Zendesk mapping.

const now = '2026-03-31T10:00:00+01:00';
const tickets: (ZafTicketFields & { policy: string })[] = [
  {
    policy: 'infraspeak',
    id: 4242,
    subject: 'No podemos facturar: la plataforma no carga para nadie',
    description: 'Desde esta mañana ningún usuario puede entrar y no podemos emitir facturas.',
    createdAt: '2026-03-31T08:40:00Z',
  },
  { policy: 'infraspeak', id: 7, subject: 'Necesito recuperar elementos eliminados', description: '', createdAt: '2026-03-30T22:15:00Z' },
  {
    policy: 'websaas',
    id: '88',
    subject: 'Prioridad Alta - error al guardar',
    description: 'No guarda cambios.',
    createdAt: '2026-03-29T12:00:00Z',
  },
  { policy: 'peewah', id: 9, subject: 'Consulta sobre mi pedido', description: 'Hola, ¿cuándo llega?', createdAt: '2026-03-31T07:00:00Z' },
  { policy: 'skedu', id: 10, subject: 'No puedo iniciar sesión', description: 'Sale un error.', createdAt: '2026-03-30T15:00:00Z' },
];

// The Worker reads the built-in policies from its static assets; here the ASSETS binding serves the asset the build writes.
const assetText: string = policyAssetJson();
const ASSETS = { fetch: async () => new Response(assetText, { headers: { 'content-type': 'application/json' } }) };

async function evaluateOnWorker(policy: string, ticket: TicketInput): Promise<Evaluation> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ policy, ticket, now }) };
  const res = await evaluateRoutes.request('/', init, { ASSETS });
  const body = await res.json();
  if (res.status !== 200) throw new Error(JSON.stringify(body));
  return body as Evaluation;
}

describe('the sidebar preview beside the Worker', () => {
  for (const { policy: policyId, ...fields } of tickets) {
    it(`gives the Worker's evaluation for ${policyId} ticket ${fields.id}: "${fields.subject}"`, async () => {
      const policy = builtInPolicies.get(policyId)!;
      // What GET /api/v1/zendesk/policy sends, through JSON as on the wire.
      const engine = loadEngine(JSON.parse(JSON.stringify(policy)));
      if (!engine.ok) throw new Error(engine.issue.detail);
      const preview = engine.value.preview('acme', fields, Date.parse(now));
      if (!preview.ok) throw new Error(preview.issue.detail);

      const fromPreviewMapping = await evaluateOnWorker(policyId, previewTicket('acme', fields, Date.parse(now)));
      const stored = {
        key: `zendesk:acme:${fields.id}`,
        createdAt: fields.createdAt,
        subject: fields.subject,
        body: fields.description,
        evaluation: null,
      } as unknown as Parameters<typeof toZendeskTicket>[0];
      const fromWorkerMapping = await evaluateOnWorker(policyId, toZendeskTicket(stored, [], {}, policy));

      expect(preview.value).toEqual(fromPreviewMapping);
      expect(preview.value).toEqual(fromWorkerMapping);
    });
  }
});
