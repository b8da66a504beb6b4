import { builtInPolicies, type Evaluation, evaluateTicket, findPolicy, parseTicket, type TicketInput } from '@plazo/core';
import type { IssueView } from '../src/worker/worker-contract';

/** A ticket evaluated by the real core with a built-in policy at `nowIso`, as the Worker stores it. */
export function evaluation(policyId: string, input: TicketInput, nowIso: string): Evaluation {
  const policy = findPolicy(builtInPolicies, policyId);
  if (!policy.ok) throw new Error(policy.issue.detail);
  const ticket = parseTicket(input);
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const evaluated = evaluateTicket(policy.value, ticket.value, Date.parse(nowIso));
  if (!evaluated.ok) throw new Error(evaluated.issue.detail);
  return evaluated.value;
}

/** A WebSaaS ticket (Bogotá, business hours) opened Monday 9 March 2026 at 10:00, evaluated at `nowIso`. */
export function websaasEvaluation(nowIso: string, extra: Partial<TicketInput> = {}): Evaluation {
  return evaluation(
    'websaas',
    {
      id: '10042',
      createdAt: '2026-03-09T10:00:00-05:00',
      subject: 'No podemos facturar',
      body: 'Desde esta mañana ninguna caja puede facturar, los clientes esperan en la fila. NIT 900123456, tel 3001234567.',
      ...extra,
    },
    nowIso,
  );
}

/** The Worker's GET /forge/jira/issues/<id> answer for an evaluation, as the contract shapes it. */
export function issueView(
  evaluated: Evaluation,
  hostPriority: string | null = 'Highest',
  policy: IssueView['policy'] = { id: 'websaas', name: 'WebSaaS', locale: 'es', zone: 'America/Bogota' },
): IssueView {
  return {
    ticket: { key: `jira:ari:cloud:ecosystem::installation/1:${evaluated.id}`, status: 'open' },
    evaluation: evaluated,
    policy,
    hostPriority,
    due: { resolution: evaluated.deadlines.resolution?.slice(0, 10) ?? null },
  };
}
