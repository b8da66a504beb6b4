import { builtInPolicies, type Evaluation } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { renderZendeskNote } from './render-zendesk-note.js';

const policy = builtInPolicies.get('websaas')!;
const evaluation = {
  priority: 'urgente',
  reasons: [
    {
      rule: 'priority:urgente/x',
      kind: 'priority',
      detail: 'The customer cannot invoice.',
      evidence: ['no puedo facturar'],
      confidence: 0.9,
    },
  ],
} as unknown as Evaluation;

describe('renderZendeskNote', () => {
  it("names the priority in the policy's language and why, with the ticket's matching words", () => {
    const note = renderZendeskNote(evaluation, policy);
    const label = policy.priorities.find((p) => p.id === 'urgente')!.labels.es;
    expect(note).toBe(`Plazo: prioridad ${label} (${policy.name}).\n\nPor qué:\n- The customer cannot invoice. «no puedo facturar»`);
  });

  it('adds what the policy asks the agent to see, and names no priority when the policy has none', () => {
    const skedu = builtInPolicies.get('skedu')!;
    const routed = {
      priority: null,
      reasons: [],
      messages: [
        { audience: 'customer', code: 'missing-information', locale: 'es', text: 'Indíquenos su nombre.', params: {} },
        {
          audience: 'agent',
          code: 'tier',
          locale: 'es',
          text: 'Nivel de soporte: Soporte administrativo',
          params: { tier: 'administrativo' },
        },
      ],
    } as unknown as Evaluation;
    expect(renderZendeskNote(routed, skedu)).toBe(
      `Plazo (${skedu.name}).\n\nPor qué:\n\nPara el agente:\n- Nivel de soporte: Soporte administrativo`,
    );
  });
});
