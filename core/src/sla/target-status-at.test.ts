import { describe, expect, it } from 'vitest';
import { evaluateTicket } from '../evaluate/evaluate-ticket.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { policyCalendar } from '../policy/policy-calendar.js';
import type { TicketInput } from '../ticket/ticket-schema.js';
import { ticketSchema } from '../ticket/ticket-schema.js';
import { targetStatusAt } from './target-status-at.js';

const HOUR = 3_600_000;

function evaluateAt(policyId: string, input: TicketInput, nowMs: number) {
  const policy = builtInPolicies.get(policyId)!;
  const r = evaluateTicket(policy, ticketSchema.parse(input), nowMs);
  if (!r.ok) throw new Error(r.issue.detail);
  return r.value;
}

describe('targetStatusAt', () => {
  // The built-in policies with deadlines, a ticket left untouched: the status moved forward equals a fresh evaluation at that instant.
  for (const policyId of ['infraspeak', 'websaas', 'peewah']) {
    it(`gives what re-evaluating gives at every later hour for an untouched ${policyId} ticket, through at risk and breached`, () => {
      const policy = builtInPolicies.get(policyId)!;
      const cal = policyCalendar(policy);
      if (!cal.ok) throw new Error(cal.issue.detail);
      const input: TicketInput = {
        id: 't-1',
        createdAt: '2026-03-27T15:30:00Z',
        subject: 'No puedo facturar',
        body: 'El sistema no deja emitir facturas desde esta mañana.',
        priority: policy.priorities[0]?.id,
      };
      const start = Date.parse(input.createdAt) + 10 * 60_000;
      const first = evaluateAt(policyId, input, start);
      const seen = new Set<string>();
      for (let h = 1; h <= 24 * 40; h += h < 24 * 8 ? 1 : 6) {
        const nowMs = start + h * HOUR + 7 * 60_000;
        const fresh = evaluateAt(policyId, input, nowMs);
        for (const name of ['firstResponse', 'resolution'] as const) {
          const before = first.sla[name];
          if (!before) continue;
          const moved = targetStatusAt(before, cal.value, nowMs, policy.sla.atRiskRemainingRatio);
          expect(moved, `${name} at +${h} h`).toEqual(fresh.sla[name]);
          seen.add(moved.state);
        }
      }
      expect(seen.has('breached')).toBe(true);
    });
  }

  it('leaves a met clock and a paused clock as they were', () => {
    const input: TicketInput = {
      id: 't-2',
      createdAt: '2026-03-30T09:00:00+01:00',
      priority: 'urgente',
      timeline: [
        { type: 'reply', at: '2026-03-30T09:30:00+01:00', public: true, byAgent: true },
        { type: 'status', at: '2026-03-30T10:00:00+01:00', status: 'pending' },
      ],
    };
    const ev = evaluateAt('infraspeak', input, Date.parse('2026-03-30T11:00:00+01:00'));
    const cal = policyCalendar(builtInPolicies.get('infraspeak')!);
    if (!cal.ok) throw new Error(cal.issue.detail);
    const later = Date.parse('2026-04-02T11:00:00+01:00');
    expect(ev.sla.firstResponse?.state).toBe('met');
    expect(ev.sla.resolution?.state).toBe('paused');
    expect(targetStatusAt(ev.sla.firstResponse!, cal.value, later)).toBe(ev.sla.firstResponse);
    expect(targetStatusAt(ev.sla.resolution!, cal.value, later)).toBe(ev.sla.resolution);
  });
});
