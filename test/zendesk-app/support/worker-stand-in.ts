import { builtInPolicies, type Evaluation, evaluateTicket, type Policy, parseTicket, type TicketInput } from '@plazo/core';

// A stand-in for the Worker's sidebar endpoints (docs: /work/notes/zendesk-contract.md), answering with real core
// evaluations of fixed tickets at a fixed instant, so each badge state is reached by the policy's own arithmetic.

export const POLICY_ID = 'infraspeak';
export const TOKEN = 'installation-token-for-tests';
/** Tuesday 31 March 2026, 10:00 in Lisbon (open hours 9–21 on weekdays in the policy's calendar). */
export const NOW = '2026-03-31T10:00:00+01:00';
export const NOW_MS = Date.parse(NOW);

const minutes = (n: number) => new Date(NOW_MS - n * 60_000).toISOString();

/** Zendesk's four priorities by the policy's rank, as the Worker's default mapping derives them. */
export function priorityMap(policy: Policy): Record<string, 'urgent' | 'high' | 'normal' | 'low'> {
  const hosts = ['urgent', 'high', 'normal', 'low'] as const;
  return Object.fromEntries(policy.priorities.map((p, i) => [p.id, hosts[Math.min(i, hosts.length - 1)]!]));
}

/** The tickets the stand-in has seen, by Zendesk ticket id; what makes each state is in its own fields. */
export const seenTickets: Record<string, Omit<TicketInput, 'id'>> = {
  // Triage decides from the words (nobody can invoice) and the first response has most of its 4 business hours left.
  '101': {
    createdAt: minutes(30),
    subject: 'No podemos facturar: la plataforma no carga para nadie',
    body: 'Desde esta mañana ningún usuario puede entrar y no podemos emitir facturas.',
  },
  // Monday 18:30: 2 h 30 min that evening and 1 h this morning of a 4-hour first response gone; 30 min left, under the 25 %.
  '102': { createdAt: '2026-03-30T18:30:00+01:00', subject: 'Error al exportar', body: 'El informe no se exporta.', priority: 'urgente' },
  // Two days without an answer.
  '103': { createdAt: '2026-03-27T10:00:00+01:00', subject: 'Consulta', body: 'Una consulta.', priority: 'urgente' },
  // Answered by an agent 20 minutes after it arrived.
  '104': {
    createdAt: minutes(120),
    subject: 'Duda con permisos',
    body: '¿Cómo doy permisos?',
    priority: 'alta',
    timeline: [{ type: 'reply', at: minutes(100), public: true, byAgent: true }],
  },
  // Waiting for the customer (pending pauses the clock).
  '105': {
    createdAt: minutes(90),
    subject: 'Pantalla en blanco',
    body: 'Se queda en blanco.',
    priority: 'media',
    timeline: [{ type: 'status', at: minutes(60), status: 'pending' }],
  },
  // Under WebSaaS: arrived before opening and gives none of the contact details the policy asks for.
  '201': { createdAt: '2026-03-31T06:00:00-05:00', subject: 'Error al guardar', body: 'No guarda' },
  // Under Peewah: a low-priority landing-page question, routed to technical support (its channel) with the self-help guides.
  '301': {
    createdAt: minutes(30),
    subject: 'Prioridad Baja - Cambiar el banner de la landing',
    body: '¿Cómo cambio el banner de la landing page de nuestro evento?',
  },
  // Under Skedu: a payment, for the administrative tier (shown with its description) and the supervisor hint.
  '401': {
    createdAt: minutes(30),
    subject: 'Pago no reflejado',
    body: 'Pagamos la mensualidad por transferencia y no aparece reflejado el pago.',
  },
  // A Technical Service request: excluded from the targets.
  '106': { createdAt: minutes(45), subject: 'Necesito recuperar elementos eliminados de la base de datos', body: '' },
};

export function evaluationOf(id: string, nowMs = NOW_MS, policyId = POLICY_ID): Evaluation {
  const policy = builtInPolicies.get(policyId)!;
  const ticket = parseTicket({ id: `zendesk:acme:${id}`, channel: 'zendesk', ...seenTickets[id] });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const evaluation = evaluateTicket(policy, ticket.value, nowMs);
  if (!evaluation.ok) throw new Error(evaluation.issue.detail);
  return evaluation.value;
}

export type Answer = { status: number; body: unknown };

const problem = (status: number, code: string, detail: string): Answer => ({ status, body: { error: { code, detail } } });

/** What one installation's setup holds in the stand-in: the secrets and settings the app sent (the Worker never returns them). */
export type SetupRecord = { posted: Record<string, unknown>[]; ready: boolean };
const setupFields = ['webhookSigningSecret', 'apiEmail', 'apiToken'];

/** {plazoUrl}/api/v1/zendesk/…, as the Worker answers it; `authorization` is the header after the proxy substituted it. */
export function answerContract(
  path: string,
  authorization: string | undefined,
  request: { method: string; body?: string; setup?: SetupRecord; policyId?: string } = { method: 'GET' },
): Answer {
  const policyId = request.policyId ?? POLICY_ID;
  if (authorization !== `Bearer ${TOKEN}`) return problem(401, 'unauthorized', 'the installation token is missing or wrong');
  if (path === '/api/v1/zendesk/setup') {
    const setup = request.setup ?? { posted: [], ready: false };
    if (request.method === 'POST') setup.posted.push(JSON.parse(request.body ?? '{}'));
    const given = new Set(setup.posted.flatMap((b) => setupFields.filter((f) => typeof b[f] === 'string')));
    const missing = setup.ready ? [] : setupFields.filter((f) => !given.has(f));
    return {
      status: 200,
      body: { ready: missing.length === 0, missing, ...(request.method === 'GET' ? { dryRun: missing.length > 0 } : {}) },
    };
  }
  const policy = builtInPolicies.get(policyId)!;
  if (path === '/api/v1/zendesk/policy') return { status: 200, body: { policy, priorityMap: priorityMap(policy) } };
  const ticket = /^\/api\/v1\/zendesk\/tickets\/(\w+)$/.exec(path)?.[1];
  if (ticket === undefined) return problem(404, 'not-found', `no route ${path}`);
  if (ticket === '503') return problem(503, 'misconfigured', 'the installation\'s policy "acme-custom" is not available');
  if (!Object.hasOwn(seenTickets, ticket)) return problem(404, 'not-seen', `Plazo has not evaluated ticket ${ticket} yet`);
  const evaluation = evaluationOf(ticket, NOW_MS, policyId);
  return {
    status: 200,
    body: {
      ticket: { key: `zendesk:acme:${ticket}`, status: 'open' },
      evaluation,
      policy: { id: policy.id, name: policy.name, locale: policy.locale, zone: policy.calendar?.zone ?? null },
      hostPriority: evaluation.priority ? (priorityMap(policy)[evaluation.priority] ?? null) : null,
    },
  };
}
