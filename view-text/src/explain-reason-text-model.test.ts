import { builtInPolicies, evaluateTicket, type Policy, parseTicket } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { explainReason } from './explain-reason';
import { viewMessages as messages } from './view-messages';

// A decision of the policy's text model reads, in the sidebar and the Jira panel, as the model's, naming what it decided.
const websaas = builtInPolicies.get('websaas')!;
const policy: Policy = {
  ...websaas,
  triage: {
    ...websaas.triage!,
    model: {
      labels: ['urgente', 'importante', 'normal'],
      bias: [0, 0, 0],
      words: { sandia: [10, 0, 0] },
      threshold: 0.8,
      minWords: 15,
      trainedOn: { tickets: 1, digest: 'test' },
    },
  },
};
const ticket = parseTicket({
  id: 'zendesk:acme:9',
  createdAt: '2026-11-10T15:00:00Z',
  subject: 'Logo',
  body: 'Buenas tardes, queríamos saber cómo se cambia el logo que aparece arriba en las facturas impresas de la sucursal centro, gracias sandía.',
});
if (!ticket.ok) throw new Error(ticket.issue.detail);
const evaluated = evaluateTicket(policy, ticket.value, Date.parse('2026-11-10T16:00:00Z'));
if (!evaluated.ok) throw new Error(evaluated.issue.detail);
const evaluation = evaluated.value;

describe('a text model reason in the sidebar', () => {
  it("says the text model decided, with the priority's label in the agent's language", () => {
    expect(evaluation.priority).toBe('urgente');
    const reason = evaluation.reasons.find((r) => r.rule === 'priority:urgente/text-model')!;
    expect(reason.evidence).toEqual(['sandia']);
    const label = (locale: 'es' | 'pt' | 'en') => websaas.priorities.find((p) => p.id === 'urgente')!.labels[locale];
    expect(explainReason(reason, evaluation, policy, 'es', messages.es)).toBe(
      `Un modelo de texto entrenado con tickets etiquetados decide ${label('es')}, por las palabras que más pesaron.`,
    );
    expect(explainReason(reason, evaluation, policy, 'pt', messages.pt)).toContain(`decide ${label('pt')}`);
    expect(explainReason(reason, evaluation, policy, 'en', messages.en)).toContain(`decides ${label('en')}`);
  });
});
