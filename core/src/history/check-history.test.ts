import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type EvaluateOptions, evaluateTicket } from '../evaluate/evaluate-ticket.js';
import { type Evaluation, evaluationSchema } from '../evaluation/evaluation-schema.js';
import { builtInPolicies, builtInPolicyFiles } from '../policies/built-in-policies.js';
import { type Policy, policySchema } from '../policy/policy-schema.js';
import { parseTicket } from '../ticket/parse-ticket.js';
import type { TicketInput } from '../ticket/ticket-schema.js';
import type { HistoryTicket, TicketHistory } from './ticket-history.js';

const policy = (id: string) => builtInPolicies.get(id)!;
/** A built-in policy with its intake changed, read through the schema as an uploaded one would be. */
function withIntake(id: string, intake: Record<string, unknown>): Policy {
  const file = builtInPolicyFiles[id] as { intake?: Record<string, unknown> };
  return policySchema.parse({ ...file, intake: { ...file.intake, ...intake } });
}

function evaluate(p: Policy, input: Partial<TicketInput> & { createdAt: string }, options: EvaluateOptions = {}) {
  const ticket = parseTicket({ id: 'T-2', subject: '', body: '', ...input });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const result = evaluateTicket(p, ticket.value, DateTime.fromISO(input.createdAt).toMillis() + 3_600_000, options);
  if (!result.ok) throw new Error(result.issue.detail);
  return evaluationSchema.parse(result.value);
}

const open = (subject: string, more: Partial<HistoryTicket> = {}): HistoryTicket => ({
  id: 'T-1',
  label: '#41',
  subject,
  category: null,
  createdAt: '2026-03-02T09:00:00-05:00',
  ...more,
});
const history = (openTickets: HistoryTicket[], more: Partial<TicketHistory> = {}): TicketHistory => ({
  identity: 'requester',
  openTickets,
  monthCount: 1,
  ...more,
});
const reason = (e: Evaluation, rule: string) => e.reasons.find((r) => r.rule === rule);

describe('possible duplicates (intake.rejectDuplicates)', () => {
  const createdAt = '2026-03-02T10:00:00-05:00';

  it('flags a new ticket whose subject shares half its words with an open ticket of the same requester, naming that ticket', () => {
    const e = evaluate(
      policy('soporte-justo'),
      { createdAt, subject: 'No me llega el correo desde ayer' },
      { history: history([open('Cambiar la clave del cPanel', { id: 'T-0', label: '#40' }), open('El correo no llega')]) },
    );
    expect(e.flags).toContain('possible-duplicate');
    const r = reason(e, 'history:possible-duplicate');
    expect(r).toMatchObject({ kind: 'history', history: { identity: 'requester', ticket: 'T-1', ticketLabel: '#41' } });
    expect(r?.history?.sharedWords?.sort()).toEqual(['correo', 'llega']);
    expect(r?.detail).toMatch(/#41 \("El correo no llega"\)/);
  });

  it('does not flag a ticket about another matter', () => {
    const e = evaluate(
      policy('soporte-justo'),
      { createdAt, subject: 'No me llega el correo desde ayer' },
      { history: history([open('Cambiar la clave del cPanel')]) },
    );
    expect(e.flags).not.toContain('possible-duplicate');
  });

  it("does not count the words that declare a priority ('Prioridad alta') as shared matter", () => {
    const e = evaluate(
      policy('soporte-justo'),
      { createdAt, subject: 'Prioridad alta correo' },
      { history: history([open('Prioridad alta web')]) },
    );
    expect(e.flags).not.toContain('possible-duplicate');
  });

  it("says it is the organisation's history when the host gave one", () => {
    const e = evaluate(
      policy('soporte-justo'),
      { createdAt, subject: 'El correo no llega' },
      { history: history([open('Correo no llega')], { identity: 'organization' }) },
    );
    expect(reason(e, 'history:possible-duplicate')).toMatchObject({ history: { identity: 'organization' } });
    expect(JSON.stringify(e.reasons)).toMatch(/from the same organisation/);
  });

  it('checks nothing when the policy does not reject duplicates', () => {
    const e = evaluate(policy('websaas'), { createdAt, subject: 'El correo no llega' }, { history: history([open('El correo no llega')]) });
    expect(e.flags).not.toContain('possible-duplicate');
  });

  it('does not call a ticket of another triage category a duplicate, and does when the category is the same', () => {
    const peewah = withIntake('peewah', { rejectDuplicates: true });
    const input = {
      createdAt,
      subject: 'Factura del plan de marzo',
      body: 'Necesito la factura del plan de marzo a nombre de la empresa.',
    };
    const category = evaluate(peewah, input).category;
    expect(category).not.toBeNull();
    const same = evaluate(peewah, input, { history: history([open('Factura plan marzo', { category })]) });
    const other = evaluate(peewah, input, { history: history([open('Factura plan marzo', { category: `not-${category}` })]) });
    expect(same.flags).toContain('possible-duplicate');
    expect(other.flags).not.toContain('possible-duplicate');
  });

  it('checks nothing without a history', () => {
    expect(evaluate(policy('soporte-justo'), { createdAt, subject: 'El correo no llega' }).flags).not.toContain('possible-duplicate');
  });
});

describe('early follow-up (intake.followUpCooldownMinutes)', () => {
  const createdAt = '2026-03-02T10:00:00-05:00';
  const agent = (at: string, isPublic = true) => ({ type: 'reply' as const, at, byAgent: true, public: isPublic });
  const requester = (at: string) => ({ type: 'reply' as const, at, byAgent: false, byRequester: true });

  it("flags the requester's message 25 minutes after the agent's reply, with the minutes and the policy's 40", () => {
    const e = evaluate(policy('soporte-justo'), {
      createdAt,
      timeline: [agent('2026-03-02T10:30:00-05:00'), requester('2026-03-02T10:55:30-05:00')],
    });
    expect(e.flags).toContain('early-follow-up');
    expect(reason(e, 'history:early-follow-up')).toMatchObject({ history: { identity: 'requester', minutes: 25, cooldownMinutes: 40 } });
  });

  it('does not flag a message after the cooldown, nor one by someone other than the requester', () => {
    const late = evaluate(policy('soporte-justo'), {
      createdAt,
      timeline: [agent('2026-03-02T10:30:00-05:00'), requester('2026-03-02T11:10:00-05:00')],
    });
    const bystander = evaluate(policy('soporte-justo'), {
      createdAt,
      timeline: [agent('2026-03-02T10:30:00-05:00'), { type: 'reply', at: '2026-03-02T10:35:00-05:00', byAgent: false }],
    });
    expect(late.flags).not.toContain('early-follow-up');
    expect(bystander.flags).not.toContain('early-follow-up');
  });

  it("counts from the agent's last public reply, not from an internal note the requester never saw", () => {
    const e = evaluate(policy('soporte-justo'), {
      createdAt,
      timeline: [agent('2026-03-02T10:00:00-05:00'), agent('2026-03-02T11:00:00-05:00', false), requester('2026-03-02T11:10:00-05:00')],
    });
    expect(e.flags).not.toContain('early-follow-up');
  });

  it('checks nothing when the policy has no cooldown', () => {
    const e = evaluate(policy('websaas'), {
      createdAt,
      timeline: [agent('2026-03-02T10:30:00-05:00'), requester('2026-03-02T10:31:00-05:00')],
    });
    expect(e.flags).not.toContain('early-follow-up');
  });
});

describe('monthly quota (intake.monthlyTicketQuota)', () => {
  const createdAt = '2026-06-09T10:00:00+01:00';

  it("flags the ticket past the installation's limit for a per-plan policy, with the count, the limit and the month", () => {
    const over = evaluate(policy('infraspeak'), { createdAt }, { history: history([], { monthCount: 4 }), monthlyTicketQuota: 3 });
    const within = evaluate(policy('infraspeak'), { createdAt }, { history: history([], { monthCount: 3 }), monthlyTicketQuota: 3 });
    expect(over.flags).toContain('over-quota');
    expect(reason(over, 'history:over-quota')).toMatchObject({ history: { count: 4, limit: 3, month: '2026-06' } });
    expect(within.flags).not.toContain('over-quota');
  });

  it('says the quota was not checked when a per-plan policy has no limit configured', () => {
    const e = evaluate(policy('infraspeak'), { createdAt }, { history: history([], { monthCount: 40 }) });
    expect(e.flags).not.toContain('over-quota');
    expect(reason(e, 'history:quota-not-configured')).toBeDefined();
  });

  it("uses a policy's own number, and the installation's limit over it", () => {
    const fixed = withIntake('infraspeak', { monthlyTicketQuota: 2 });
    expect(evaluate(fixed, { createdAt }, { history: history([], { monthCount: 3 }) }).flags).toContain('over-quota');
    expect(evaluate(fixed, { createdAt }, { history: history([], { monthCount: 3 }), monthlyTicketQuota: 5 }).flags).not.toContain(
      'over-quota',
    );
  });

  it("names the month in the policy's zone: 00:30 on 1 April in Lisbon is April although it is still March in UTC", () => {
    const e = evaluate(
      policy('infraspeak'),
      { createdAt: '2026-03-31T23:30:00Z' },
      { history: history([], { monthCount: 2 }), monthlyTicketQuota: 1 },
    );
    expect(reason(e, 'history:over-quota')).toMatchObject({ history: { month: '2026-04' } });
  });
});
