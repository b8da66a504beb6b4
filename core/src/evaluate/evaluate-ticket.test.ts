import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { evaluationSchema } from '../evaluation/evaluation-schema.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import type { TicketInput } from '../ticket/ticket-schema.js';
import { evaluateTicket } from './evaluate-ticket.js';

const policy = (id: string) => {
  const p = builtInPolicies.get(id);
  if (!p) throw new Error(id);
  return p;
};
const at = (iso: string) => DateTime.fromISO(iso).toMillis();

function evaluate(policyId: string, input: Partial<TicketInput> & { createdAt: string }, now = input.createdAt) {
  const ticket = parseTicket({ id: 'T-1', subject: '', body: '', ...input });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const result = evaluateTicket(policy(policyId), ticket.value, at(now));
  if (!result.ok) throw new Error(result.issue.detail);
  return evaluationSchema.parse(result.value);
}

describe('evaluateTicket', () => {
  it('uses a forced priority over triage and says what triage suggested', () => {
    const e = evaluate('websaas', { createdAt: '2026-03-09T10:00:00-05:00', subject: 'No podemos facturar, el punto de venta está parado', priority: 'normal' });
    expect(e.priority).toBe('normal');
    expect(e.reasons[0]).toMatchObject({ kind: 'override', rule: 'override' });
    expect(e.reasons[0]?.detail).toMatch(/triage suggested urgente/);
    expect(e.reasons.some((r) => r.kind === 'priority')).toBe(false);
  });

  it('finds a forced priority by its label, with accents and capitals', () => {
    expect(evaluate('infraspeak', { createdAt: '2026-03-09T10:00:00Z', priority: 'Média' }).priority).toBe('media');
  });

  it('gives an excluded ticket no deadlines and the reason', () => {
    const e = evaluate('infraspeak', { createdAt: '2026-03-09T10:00:00Z', subject: 'Recuperar ordens de trabalho apagadas', body: 'Apagámos 30 ordens por engano, conseguem recuperar da base de dados?' });
    expect(e.excluded).toBe(true);
    expect(e.exclusion?.id).toBe('technical-service');
    expect(e.flags).toContain('technical-service');
    expect(e.deadlines).toEqual({ firstResponse: null, resolution: null });
    expect(e.nextCheckAt).toBeNull();
  });

  it('lifts an exclusion when an agent sets the priority', () => {
    const e = evaluate('infraspeak', { createdAt: '2026-03-09T10:00:00Z', subject: 'Recuperar ordens de trabalho apagadas', body: 'Recuperar da base de dados', priority: 'alta' });
    expect(e.excluded).toBe(false);
    // 12 business hours from Monday 10:00 (Lisbon, WET): 11 h Monday, 1 h Tuesday.
    expect(e.deadlines.firstResponse).toBe('2026-03-10T10:00:00+00:00');
    expect(e.reasons.some((r) => r.kind === 'exclusion' && /not applied/.test(r.detail))).toBe(true);
  });

  it('starts a non-urgent WebSaaS request received out of hours at the next opening, flagged after-hours', () => {
    const e = evaluate('websaas', { createdAt: '2026-03-09T19:30:00-05:00', subject: 'Cómo generar el reporte de ventas', priority: 'normal' });
    expect(e.flags).toContain('after-hours');
    // Next opening Tuesday 07:00; 1 business hour later; 16 business hours = Tuesday 10.5 h + Wednesday 5.5 h.
    expect(e.deadlines).toEqual({ firstResponse: '2026-03-10T08:00:00-05:00', resolution: '2026-03-11T12:30:00-05:00' });
    expect(e.reasons.find((r) => r.rule === 'intake:after-hours')?.detail).toMatch(/únicamente solicitudes de servicio con prioridad urgente/);
  });

  it('takes an urgent WebSaaS request out of hours with its calendar hour running at once', () => {
    const e = evaluate('websaas', { createdAt: '2026-03-07T22:10:00-05:00', subject: 'x', priority: 'urgente' });
    expect(e.flags).not.toContain('after-hours');
    // 1 calendar hour for attention; 4 business hours from Monday 07:00 for the solution.
    expect(e.deadlines).toEqual({ firstResponse: '2026-03-07T23:10:00-05:00', resolution: '2026-03-09T11:00:00-05:00' });
  });

  it('gives every Skedu ticket a first response within one business day and no priority', () => {
    const e = evaluate('skedu', { createdAt: '2026-09-17T17:30:00-04:00', subject: 'No puedo recuperar mi contraseña' });
    expect(e.priority).toBeNull();
    // 30 min on Thursday 17 Sept; 18 and 19 Sept are Fiestas Patrias (Friday, Saturday); 8.5 h on Monday 21 Sept.
    expect(e.deadlines).toEqual({ firstResponse: '2026-09-21T17:30:00-04:00', resolution: null });
  });

  it('gives Soporte Justo tickets a priority but no deadlines, as the seed sets no times', () => {
    const e = evaluate('soporte-justo', { createdAt: '2026-03-09T10:00:00-05:00', subject: 'Duda sobre cómo crear una cuenta de correo' });
    expect(e.priority).not.toBeNull();
    expect(e.deadlines).toEqual({ firstResponse: null, resolution: null });
    expect(e.sla).toEqual({ firstResponse: null, resolution: null });
  });

  it('reports SLA state from the timeline at the given now', () => {
    const e = evaluate(
      'peewah',
      { createdAt: '2026-03-06T16:45:00-05:00', priority: 'alta', timeline: [{ type: 'reply', at: '2026-03-06T17:05:00-05:00', public: true, byAgent: true }] },
      '2026-03-09T15:00:00-05:00',
    );
    expect(e.sla.firstResponse).toMatchObject({ state: 'met', metAt: '2026-03-06T17:05:00-05:00' });
    // 1 business day (9 h) from Friday 16:45: 15 min Friday, then Monday 08:00 + 8 h 45 min = 16:45.
    expect(e.sla.resolution).toMatchObject({ state: 'at-risk', dueAt: '2026-03-09T16:45:00-05:00' });
    expect(e.nextCheckAt).toBe('2026-03-09T16:45:00-05:00');
  });

  it('refuses a forced priority the policy does not have, naming the known ones', () => {
    const ticket = parseTicket({ id: 'T-9', createdAt: '2026-03-09T10:00:00Z', priority: 'p1' });
    if (!ticket.ok) throw new Error('ticket');
    const result = evaluateTicket(policy('peewah'), ticket.value, at('2026-03-09T10:00:00Z'));
    expect(result).toEqual({ ok: false, issue: { code: 'unknown-priority', detail: 'unknown priority "p1" for policy peewah; known: alta, media, baja' } });
  });
});
