import { builtInPolicies, evaluateTicket, parseTicket } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { explainReason } from './explain-reason';
import { flagName } from './flag-name';
import { reasonForFlag } from './reason-for-flag';
import { viewMessages as messages } from './view-messages';

// The sidebar and the Jira panel rebuild each history reason from what core measured, in the user's language, and name its flags.
const policy = builtInPolicies.get('soporte-justo')!;
const ticket = parseTicket({
  id: 'zendesk:acme:7102',
  createdAt: '2026-11-10T10:05:00Z',
  subject: 'Nuestra web no carga',
  timeline: [
    { type: 'reply', at: '2026-11-10T11:00:00Z', byAgent: true },
    { type: 'reply', at: '2026-11-10T11:12:00Z', byAgent: false, byRequester: true },
  ],
});
if (!ticket.ok) throw new Error(ticket.issue.detail);
const evaluated = evaluateTicket(policy, ticket.value, Date.parse('2026-11-10T12:00:00Z'), {
  history: {
    identity: 'organization',
    openTickets: [
      { id: 'zendesk:acme:7101', label: '#7101', subject: 'La web no carga', category: null, createdAt: '2026-11-10T10:00:00Z' },
    ],
    monthCount: 3,
  },
  monthlyTicketQuota: 2,
});
if (!evaluated.ok) throw new Error(evaluated.issue.detail);
const evaluation = evaluated.value;

describe('history reasons in the sidebar and the Jira panel', () => {
  it('explains each history flag in Spanish and Portuguese from what core measured', () => {
    const say = (flag: string, locale: 'es' | 'pt') => {
      const reason = reasonForFlag(flag, evaluation, policy);
      expect(reason, flag).toBeDefined();
      return explainReason(reason!, evaluation, policy, locale, messages[locale]);
    };
    expect(say('possible-duplicate', 'es')).toBe(
      'Posible duplicado de #7101, aún abierto, del mismo cliente: los asuntos comparten web, carga.',
    );
    expect(say('early-follow-up', 'es')).toBe(
      'El cliente escribió 12 min después de la respuesta del agente; la política pide esperar 40 min.',
    );
    expect(say('over-quota', 'pt')).toBe('Ticket 3 de 2026-11 deste cliente; a quota mensal é 2.');
    expect(flagName('over-quota', messages.es)).toBe('Cupo mensual superado');
    expect(flagName('early-follow-up', messages.pt)).toBe('Seguimento antes do tempo');
  });
});
