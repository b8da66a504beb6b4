import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { evaluationSchema } from '../evaluation/evaluation-schema.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
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
    const e = evaluate('websaas', {
      createdAt: '2026-03-09T10:00:00-05:00',
      subject: 'No podemos facturar, el punto de venta está parado',
      priority: 'normal',
    });
    expect(e.priority).toBe('normal');
    expect(e.reasons[0]).toMatchObject({ kind: 'override', rule: 'override' });
    expect(e.reasons[0]?.detail).toMatch(/triage suggested urgente/);
    expect(e.reasons.some((r) => r.kind === 'priority')).toBe(false);
  });

  it('finds a forced priority by its label, with accents and capitals', () => {
    expect(evaluate('infraspeak', { createdAt: '2026-03-09T10:00:00Z', priority: 'Média' }).priority).toBe('media');
  });

  it('gives an excluded ticket no deadlines and the reason', () => {
    const e = evaluate('infraspeak', {
      createdAt: '2026-03-09T10:00:00Z',
      subject: 'Recuperar ordens de trabalho apagadas',
      body: 'Apagámos 30 ordens por engano, conseguem recuperar da base de dados?',
    });
    expect(e.excluded).toBe(true);
    expect(e.exclusion?.id).toBe('technical-service');
    expect(e.flags).toContain('technical-service');
    expect(e.deadlines).toEqual({ firstResponse: null, resolution: null });
    expect(e.nextCheckAt).toBeNull();
  });

  it('lifts an exclusion when an agent sets the priority', () => {
    const e = evaluate('infraspeak', {
      createdAt: '2026-03-09T10:00:00Z',
      subject: 'Recuperar ordens de trabalho apagadas',
      body: 'Recuperar da base de dados',
      priority: 'alta',
    });
    expect(e.excluded).toBe(false);
    // 12 business hours from Monday 10:00 (Lisbon, WET): 11 h Monday, 1 h Tuesday.
    expect(e.deadlines.firstResponse).toBe('2026-03-10T10:00:00+00:00');
    expect(e.reasons.some((r) => r.kind === 'exclusion' && /not applied/.test(r.detail))).toBe(true);
  });

  it('starts a non-urgent WebSaaS request received out of hours at the next opening, flagged after-hours', () => {
    const e = evaluate('websaas', {
      createdAt: '2026-03-09T19:30:00-05:00',
      subject: 'Cómo generar el reporte de ventas',
      priority: 'normal',
    });
    expect(e.flags).toContain('after-hours');
    // Next opening Tuesday 07:00; 1 business hour later; 16 business hours = Tuesday 10.5 h + Wednesday 5.5 h.
    expect(e.deadlines).toEqual({ firstResponse: '2026-03-10T08:00:00-05:00', resolution: '2026-03-11T12:30:00-05:00' });
    expect(e.reasons.find((r) => r.rule === 'intake:after-hours')?.detail).toMatch(
      /únicamente solicitudes de servicio con prioridad urgente/,
    );
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
      {
        createdAt: '2026-03-06T16:45:00-05:00',
        priority: 'alta',
        timeline: [{ type: 'reply', at: '2026-03-06T17:05:00-05:00', public: true, byAgent: true }],
      },
      '2026-03-09T15:00:00-05:00',
    );
    expect(e.sla.firstResponse).toMatchObject({ state: 'met', metAt: '2026-03-06T17:05:00-05:00' });
    // 1 business day (9 h) from Friday 16:45: 15 min Friday, then Monday 08:00 + 8 h 45 min = 16:45.
    expect(e.sla.resolution).toMatchObject({ state: 'at-risk', dueAt: '2026-03-09T16:45:00-05:00' });
    expect(e.nextCheckAt).toBe('2026-03-09T16:45:00-05:00');
  });

  it('takes an installation’s at-risk ratio over the policy’s, leaving the policy and later evaluations as they were', () => {
    const ticket = parseTicket({ id: 'T-1', subject: '', body: '', createdAt: '2026-03-06T16:45:00-05:00', priority: 'alta' });
    if (!ticket.ok) throw new Error(ticket.issue.detail);
    const peewah = policy('peewah');
    const now = at('2026-03-09T15:00:00-05:00');
    // 1 h 45 min of 9 business hours left (19 %): at risk under the policy's 25 %, still running under 10 % until 54 min are left.
    const tuned = evaluateTicket(peewah, ticket.value, now, { atRiskRemainingRatio: 0.1 });
    expect(tuned.ok && tuned.value.sla.resolution).toMatchObject({
      state: 'running',
      remainingMs: 105 * 60_000,
      nextThresholdAt: '2026-03-09T15:51:00-05:00',
    });
    expect(tuned.ok && tuned.value.nextCheckAt).toBe('2026-03-09T15:51:00-05:00');
    const wider = evaluateTicket(peewah, ticket.value, at('2026-03-09T13:00:00-05:00'), { atRiskRemainingRatio: 0.5 });
    expect(wider.ok && wider.value.sla.resolution?.state).toBe('at-risk');
    expect(peewah.sla.atRiskRemainingRatio).toBe(0.25);
    const plain = evaluateTicket(peewah, ticket.value, now);
    expect(plain.ok && plain.value.sla.resolution?.state).toBe('at-risk');
  });

  it('evaluates a ticket created in 2019 in 2026: both clocks long breached, deadlines in 2019', () => {
    // Friday 28 June 2019 16:00: 1 h on Friday, Monday 1 July is San Pedro y San Pablo, so 1 business day ends Tuesday 16:00.
    const e = evaluate('peewah', { createdAt: '2019-06-28T16:00:00-05:00', priority: 'alta' }, '2026-03-09T15:00:00-05:00');
    expect(e.deadlines).toEqual({ firstResponse: '2019-06-28T16:30:00-05:00', resolution: '2019-07-02T16:00:00-05:00' });
    expect([e.sla.firstResponse?.state, e.sla.resolution?.state]).toEqual(['breached', 'breached']);
    expect(e.evaluatedAt).toBe('2026-03-09T15:00:00-05:00');
  });

  it('evaluates a ticket from 1975 answered the same day, in the offset Lisbon kept then (+01:00 in winter)', () => {
    // Portugal kept +01:00 all year until 1976. Média: 1 business day (12 h) and 24 business hours, 09:00–21:00 on weekdays.
    const e = evaluate(
      'infraspeak',
      {
        createdAt: '1975-03-03T10:00:00+01:00',
        priority: 'media',
        timeline: [{ type: 'reply', at: '1975-03-03T11:00:00+01:00', public: true, byAgent: true }],
      },
      '1975-03-03T12:00:00+01:00',
    );
    expect(e.sla.firstResponse).toMatchObject({ state: 'met', metAt: '1975-03-03T11:00:00+01:00' });
    expect(e.deadlines).toEqual({ firstResponse: '1975-03-04T10:00:00+01:00', resolution: '1975-03-05T10:00:00+01:00' });
  });

  it('evaluates a ticket from 2099 with deadlines in 2100, skipping Chile’s New Year', () => {
    // Thursday 31 December 2099 17:00 (UTC−4): 1 h on Thursday, Friday 1 January 2100 is a holiday, 8 h on Monday 4 January.
    const e = evaluate('skedu', { createdAt: '2099-12-31T17:00:00-04:00', subject: 'No puedo recuperar mi contraseña' });
    expect(e.deadlines.firstResponse).toBe('2100-01-04T17:00:00-04:00');
    expect(e.nextCheckAt).not.toBeNull();
  });

  it('refuses a ticket before 1970 or a now after 2100 with outside-calendar, naming the range calendars cover', () => {
    const ticket = parseTicket({ id: 'T-7', createdAt: '1969-12-31T23:59:59-05:00' });
    if (!ticket.ok) throw new Error('ticket');
    expect(evaluateTicket(policy('peewah'), ticket.value, at('2026-03-09T10:00:00Z'))).toEqual({
      ok: false,
      issue: {
        code: 'outside-calendar',
        detail:
          "ticket T-7: created 1969-12-31T23:59:59-05:00, outside the years policy peewah's calendar covers (1970–2100, from 1970-01-01T00:00:00-05:00 until 2101-01-01T00:00:00-05:00)",
      },
    });
    const later = parseTicket({ id: 'T-8', createdAt: '2100-12-31T10:00:00-05:00' });
    if (!later.ok) throw new Error('ticket');
    const r = evaluateTicket(policy('peewah'), later.value, at('2101-01-01T00:00:00-05:00'));
    expect(!r.ok && r.issue).toEqual({
      code: 'outside-calendar',
      detail: expect.stringContaining(
        "evaluated at 2101-01-01T00:00:00-05:00, outside the years policy peewah's calendar covers (1970–2100",
      ),
    });
    // Created on the last day: the one-business-day deadline would fall in 2101.
    const due = evaluateTicket(policy('peewah'), later.value, at('2100-12-31T12:00:00-05:00'));
    expect(!due.ok && due.issue).toEqual({
      code: 'outside-calendar',
      detail: 'ticket T-8: the resolution clock runs beyond the years the business calendar covers (1970–2100)',
    });
  });

  it('refuses a forced priority the policy does not have, naming the known ones', () => {
    const ticket = parseTicket({ id: 'T-9', createdAt: '2026-03-09T10:00:00Z', priority: 'p1' });
    if (!ticket.ok) throw new Error('ticket');
    const result = evaluateTicket(policy('peewah'), ticket.value, at('2026-03-09T10:00:00Z'));
    expect(result).toEqual({
      ok: false,
      issue: { code: 'unknown-priority', detail: 'unknown priority "p1" for policy peewah; known: alta, media, baja' },
    });
  });
});
