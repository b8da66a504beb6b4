import { describe, expect, it } from 'vitest';
import { evaluationSchema } from '../evaluation/evaluation-schema.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import type { TicketInput } from '../ticket/ticket-schema.js';
import { evaluateTicket } from './evaluate-ticket.js';

function evaluate(policyId: string, input: Partial<TicketInput> & { createdAt: string }, now: string) {
  const ticket = parseTicket({ id: 'T-1', subject: '', body: '', ...input });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const result = evaluateTicket(builtInPolicies.get(policyId)!, ticket.value, Date.parse(now));
  if (!result.ok) throw new Error(result.issue.detail);
  return evaluationSchema.parse(result.value);
}

describe("Peewah's action plan meets the resolution target without closing the ticket", () => {
  const ticket = { createdAt: '2026-03-02T09:00:00-05:00', subject: 'Prioridad Media - No puedo crear un evento' };
  const plan = (at: string, reached = true) => ({ type: 'milestone' as const, at, milestone: 'plan-delivered', reached });

  it('is met where an agent marked the plan delivered, in time', () => {
    const e = evaluate('peewah', { ...ticket, timeline: [plan('2026-03-03T10:00:00-05:00')] }, '2026-03-10T09:00:00-05:00');
    expect(e.priority).toBe('media');
    expect(e.sla.resolution).toMatchObject({ state: 'met', metAt: '2026-03-03T10:00:00-05:00', metBy: 'plan-delivered' });
    expect(e.reasons).toContainEqual(expect.objectContaining({ rule: 'milestone:plan-delivered', kind: 'calendar' }));
    expect(e.reasons.find((r) => r.rule === 'milestone:plan-delivered')?.detail).toMatch(/^Plan de acción entregado/);
  });

  it('is breached when the plan came after the three business days', () => {
    const e = evaluate('peewah', { ...ticket, timeline: [plan('2026-03-06T10:00:00-05:00')] }, '2026-03-10T09:00:00-05:00');
    expect(e.sla.resolution).toMatchObject({ state: 'breached', metBy: 'plan-delivered' });
  });

  it('runs again as if never marked when the mark is taken back', () => {
    const timeline = [plan('2026-03-03T10:00:00-05:00'), plan('2026-03-03T11:00:00-05:00', false)];
    const e = evaluate('peewah', { ...ticket, timeline }, '2026-03-04T09:00:00-05:00');
    expect(e.sla.resolution?.state).toMatch(/running|at-risk/);
    expect(e.sla.resolution?.metBy).toBeUndefined();
  });

  it('says when an agent marks a milestone the policy does not have, and changes nothing', () => {
    const e = evaluate(
      'peewah',
      { ...ticket, timeline: [{ ...plan('2026-03-03T10:00:00-05:00'), milestone: 'plan-delivred' }] },
      '2026-03-04T09:00:00-05:00',
    );
    expect(e.sla.resolution?.state).not.toBe('met');
    expect(e.reasons).toContainEqual(expect.objectContaining({ rule: 'unknown-milestone:plan-delivred', kind: 'calendar' }));
    expect(e.reasons.find((r) => r.rule === 'unknown-milestone:plan-delivred')?.detail).toMatch(/known: plan-delivered/);
  });

  it('means nothing under a policy without that milestone', () => {
    const e = evaluate(
      'websaas',
      {
        createdAt: '2026-03-02T09:00:00-05:00',
        subject: '¿Cómo genero un reporte de ventas?',
        timeline: [plan('2026-03-02T10:00:00-05:00')],
      },
      '2026-03-02T11:00:00-05:00',
    );
    expect(e.sla.resolution?.state).not.toBe('met');
  });
});

describe("Skedu's escalation to level 2 and 3, and level 3's estimate", () => {
  const created = '2026-03-02T10:00:00-04:00';
  const subject = 'No puedo iniciar sesión en la agenda';

  it('shows the tier an agent escalated to, with the reason, and keeps no resolution target at level 2', () => {
    const timeline = [{ type: 'tier' as const, at: '2026-03-02T11:00:00-04:00', tier: 'nivel-2' }];
    const e = evaluate('skedu', { createdAt: created, subject, timeline }, '2026-03-02T12:00:00-04:00');
    expect(e.tier).toBe('nivel-2');
    expect(e.reasons).toContainEqual(expect.objectContaining({ rule: 'escalation:nivel-2', kind: 'tier' }));
    expect(e.sla.resolution).toBeNull();
  });

  it("makes level 3's estimate the resolution target, counted in business time from when it was given", () => {
    const timeline = [
      { type: 'tier' as const, at: '2026-03-02T11:00:00-04:00', tier: 'nivel-3' },
      { type: 'estimate' as const, at: '2026-03-02T16:00:00-04:00', amount: 4, unit: 'hours' as const },
    ];
    const e = evaluate('skedu', { createdAt: created, subject, timeline }, '2026-03-02T17:00:00-04:00');
    expect(e.tier).toBe('nivel-3');
    // 16:00 + 4 business hours with 09:00–18:00: two hours on Monday, two on Tuesday.
    expect(e.sla.resolution).toMatchObject({ state: 'running', dueAt: '2026-03-03T11:00:00-04:00', clock: 'business' });
    expect(e.deadlines.resolution).toBe('2026-03-03T11:00:00-04:00');
    expect(e.reasons).toContainEqual(expect.objectContaining({ rule: 'estimate', kind: 'calendar' }));
  });

  it('takes the latest estimate, and ignores an estimate while the tier does not take one', () => {
    const estimate = (at: string, amount: number) => ({ type: 'estimate' as const, at, amount, unit: 'businessDays' as const });
    const level3 = { type: 'tier' as const, at: '2026-03-02T11:00:00-04:00', tier: 'nivel-3' };
    const later = evaluate(
      'skedu',
      {
        createdAt: created,
        subject,
        timeline: [level3, estimate('2026-03-02T12:00:00-04:00', 1), estimate('2026-03-02T13:00:00-04:00', 2)],
      },
      '2026-03-02T14:00:00-04:00',
    );
    expect(later.deadlines.resolution).toBe('2026-03-04T13:00:00-04:00');
    const level2 = evaluate(
      'skedu',
      { createdAt: created, subject, timeline: [{ ...level3, tier: 'nivel-2' }, estimate('2026-03-02T12:00:00-04:00', 1)] },
      '2026-03-02T14:00:00-04:00',
    );
    expect(level2.sla.resolution).toBeNull();
  });
});

describe("WebSaaS's congratulations, suggestions and complaints", () => {
  const created = '2026-03-02T09:00:00-05:00';
  const now = '2026-03-02T09:30:00-05:00';

  it('routes a congratulation to its own category, with a first response and nothing to solve', () => {
    const e = evaluate(
      'websaas',
      {
        createdAt: created,
        subject: 'Felicitaciones al equipo',
        body: 'Queremos felicitar al ingeniero por la excelente atención de ayer.',
      },
      now,
    );
    expect(e.category).toBe('felicitacion');
    expect(e.sla.firstResponse).not.toBeNull();
    expect(e.sla.resolution).toBeNull();
    expect(e.reasons).toContainEqual(expect.objectContaining({ rule: 'category-targets:felicitacion', kind: 'calendar' }));
  });

  it('routes a suggestion to its own category with no solution time', () => {
    const e = evaluate(
      'websaas',
      { createdAt: created, subject: 'Sugerencia', body: 'Sugiero agregar un filtro por vendedor al reporte.' },
      now,
    );
    expect(e.category).toBe('sugerencia');
    expect(e.sla.resolution).toBeNull();
  });

  it("keeps a complaint's priority targets: the failure behind it is still solved in time", () => {
    const e = evaluate(
      'websaas',
      { createdAt: created, subject: 'Queja: no podemos facturar', body: 'Presento un reclamo, el punto de venta está parado.' },
      now,
    );
    expect(e.category).toBe('queja');
    expect(e.priority).toBe('urgente');
    expect(e.sla.resolution).not.toBeNull();
  });

  it('leaves an ordinary service request without a category', () => {
    const e = evaluate('websaas', { createdAt: created, subject: '¿Cómo genero un reporte de ventas?' }, now);
    expect(e.category).toBeNull();
    expect(e.sla.resolution).not.toBeNull();
  });
});
