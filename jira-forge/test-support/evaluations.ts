import { type Evaluation, evaluateTicket, findPolicy, parseTicket, type TicketInput } from '@plazo/core';
import type { IssueView } from '../src/worker/worker-contract.js';

/** A WebSaaS ticket (Bogotá, business hours) opened Monday 9 March 2026 at 10:00; evaluated by the real core at `nowIso`. */
export function websaasEvaluation(nowIso: string, extra: Partial<TicketInput> = {}): Evaluation {
  const policy = findPolicy('websaas');
  if (!policy.ok) throw new Error(policy.issue.detail);
  const ticket = parseTicket({
    id: '10042',
    createdAt: '2026-03-09T10:00:00-05:00',
    subject: 'No podemos facturar',
    body: 'Desde esta mañana ninguna caja puede facturar, los clientes esperan en la fila. NIT 900123456, tel 3001234567.',
    ...extra,
  });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const evaluated = evaluateTicket(policy.value, ticket.value, Date.parse(nowIso));
  if (!evaluated.ok) throw new Error(evaluated.issue.detail);
  return evaluated.value;
}

/** The Worker's GET /forge/jira/issues/<id> answer for an evaluation, as the contract shapes it. */
export function issueView(evaluation: Evaluation, hostPriority: string | null = 'Highest'): IssueView {
  return {
    ticket: { key: `jira:ari:cloud:ecosystem::installation/1:${evaluation.id}`, status: 'open' },
    evaluation,
    policy: { id: 'websaas', name: 'WebSaaS', locale: 'es', zone: 'America/Bogota' },
    hostPriority,
    due: { resolution: evaluation.deadlines.resolution?.slice(0, 10) ?? null },
  };
}
