import { builtInPolicies, type Evaluation, evaluateTicket, parseTicket } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { applyTagDelta, planZendeskChanges, simulateZendeskChanges, simulateZendeskDryRun } from './plan-zendesk-changes.js';
import { readZendeskState, type ZendeskState } from './zendesk-facts.js';
import type { ZendeskSettings } from './zendesk-settings.js';

const policy = builtInPolicies.get('websaas')!;
const createdAt = '2026-12-01T14:00:00Z';

function evaluate(extra: Record<string, unknown> = {}, atMs = Date.parse(createdAt) + 60_000): Evaluation {
  const ticket = parseTicket({ id: 'zendesk:acme:1', createdAt, subject: 'No puedo facturar', body: 'error al facturar', ...extra });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const evaluated = evaluateTicket(policy, ticket.value, atMs);
  if (!evaluated.ok) throw new Error(evaluated.issue.detail);
  return evaluated.value;
}

const settings: ZendeskSettings = { fields: { firstResponseDue: 101, resolutionDue: 102 } };
const plan = (evaluation: Evaluation, state: Partial<ZendeskState> = {}, s: ZendeskSettings = settings) =>
  planZendeskChanges({ evaluation, policy, settings: s, configProblems: [], state: readZendeskState(state) });

describe('planZendeskChanges', () => {
  it('sets the mapped priority, its tag, both due instants in UTC and one internal note on a new ticket', () => {
    const evaluation = evaluate();
    const changes = plan(evaluation);
    expect(evaluation.priority).not.toBeNull();
    expect(changes).toEqual([
      { kind: 'set-priority', priority: expect.stringMatching(/^(urgent|high|normal|low)$/) },
      { kind: 'add-tags', tags: [`plazo_priority_${evaluation.priority}`] },
      { kind: 'set-field', fieldId: 101, value: new Date(evaluation.sla.firstResponse!.dueAt).toISOString() },
      { kind: 'set-field', fieldId: 102, value: new Date(evaluation.sla.resolution!.dueAt).toISOString() },
      { kind: 'add-note', body: expect.stringContaining('Plazo: prioridad'), priority: evaluation.priority },
    ]);
  });

  it('plans nothing for a ticket that already shows everything (no note per evaluation)', () => {
    const evaluation = evaluate();
    const after = simulateZendeskChanges(readZendeskState({}), plan(evaluation));
    expect(plan(evaluation, after)).toEqual([]);
  });

  it('plans nothing new in a dry run when the next delivery reports the priority and tags Zendesk still has', () => {
    const evaluation = evaluate();
    const reported = { priority: 'low', tags: ['vip', 'plazo_breached'] } as const;
    const kept = simulateZendeskDryRun(readZendeskState(reported), plan(evaluation, { ...reported, tags: [...reported.tags] }));
    expect(kept).toMatchObject({ priority: 'low', tags: ['vip', 'plazo_breached'], notedPriority: evaluation.priority });
    // Each delivery writes what Zendesk reports over the stored state, as the store's json_patch does.
    const delivered = JSON.parse(JSON.stringify({ ...kept, ...reported }));
    expect(plan(evaluation, delivered)).toEqual([]);
    // A priority a person set since shows through: the dry run's pending one lapses.
    const changed = plan(evaluation, { ...delivered, priority: 'high' });
    expect(changed).toEqual([{ kind: 'set-priority', priority: expect.not.stringMatching(/^high$/) }]);
    // A Plazo tag a person added by hand is planned away; the dry run's own removal stays pending, not planned twice.
    expect(plan(evaluation, { ...delivered, tags: ['vip', 'plazo_breached', 'plazo_at_risk'] })).toEqual([
      { kind: 'remove-tags', tags: ['plazo_at_risk'] },
    ]);
  });

  it('adds a note again only when the decided priority changes, and swaps the priority tag', () => {
    const first = evaluate();
    const shown = simulateZendeskChanges(readZendeskState({}), plan(first));
    const overridden = evaluate({ priority: first.priority === 'urgente' ? 'normal' : 'urgente' });
    const changes = plan(overridden, shown);
    expect(changes.filter((c) => c.kind === 'add-note')).toHaveLength(1);
    expect(changes).toContainEqual({ kind: 'remove-tags', tags: [`plazo_priority_${first.priority}`] });
    expect(changes).toContainEqual({ kind: 'add-tags', tags: [`plazo_priority_${overridden.priority}`] });
  });

  it("tags a breached ticket and leaves other people's tags alone", () => {
    const breached = evaluate({}, Date.parse(createdAt) + 40 * 24 * 3_600_000);
    const changes = plan(breached, { tags: ['vip', 'plazo_at_risk'] });
    expect(changes).toContainEqual({ kind: 'add-tags', tags: [`plazo_priority_${breached.priority}`, 'plazo_breached'] });
    expect(changes).toContainEqual({ kind: 'remove-tags', tags: ['plazo_at_risk'] });
  });

  it('leaves a paused target’s field as it is: its due instant moves while paused', () => {
    const paused = evaluate({ timeline: [{ type: 'status', at: '2026-12-01T14:00:30Z', status: 'pending' }] });
    expect(paused.sla.resolution?.state).toBe('paused');
    expect(plan(paused).filter((c) => c.kind === 'set-field' && c.fieldId === 102)).toEqual([]);
  });

  it('tags an excluded ticket plazo_excluded, clears its due instants, and leaves its priority and note alone', () => {
    const excluded: Evaluation = { ...evaluate(), excluded: true, exclusion: { id: 'hardware', description: 'hardware' } };
    const changes = plan(excluded, { priority: 'high', tags: ['plazo_priority_normal'], fields: { '101': 'x', '102': 'y' } });
    expect(changes).toEqual([
      { kind: 'add-tags', tags: ['plazo_excluded'] },
      { kind: 'remove-tags', tags: ['plazo_priority_normal'] },
      { kind: 'set-field', fieldId: 101, value: null },
      { kind: 'set-field', fieldId: 102, value: null },
    ]);
  });

  it('writes no field the installation did not create', () => {
    expect(plan(evaluate(), {}, {}).some((c) => c.kind === 'set-field')).toBe(false);
  });
});

describe('applyTagDelta', () => {
  it('applies removals and additions over the tags Zendesk holds now, keeping tags added by others meanwhile', () => {
    expect(
      applyTagDelta(
        ['vip', 'plazo_at_risk', 'added_meanwhile'],
        [
          { kind: 'add-tags', tags: ['plazo_breached', 'vip'] },
          { kind: 'remove-tags', tags: ['plazo_at_risk'] },
        ],
      ),
    ).toEqual(['vip', 'added_meanwhile', 'plazo_breached']);
  });

  it('says the customer messages in one public reply, last, and notes again only when what the agent sees changes', () => {
    const peewah = builtInPolicies.get('peewah')!;
    const ticket = parseTicket({ id: 'zendesk:acme:2', createdAt, subject: 'Agenda', body: 'La agenda sale desordenada' });
    if (!ticket.ok) throw new Error(ticket.issue.detail);
    const evaluated = evaluateTicket(peewah, ticket.value, Date.parse(createdAt) + 60_000);
    if (!evaluated.ok) throw new Error(evaluated.issue.detail);
    const evaluation = evaluated.value;
    const say = (evaluation.messages ?? []).filter((m) => m.audience === 'customer');
    const changes = planZendeskChanges({ evaluation, policy: peewah, settings: {}, configProblems: [], state: readZendeskState({}), say });
    expect(changes.at(-1)).toEqual({ kind: 'public-reply', codes: ['missing-information'], body: say[0]!.text });
    const note = changes.find((c) => c.kind === 'add-note');
    expect(note?.body).toContain('Para el agente:\n- Categoría: Soporte técnico — canal: soporte@peewah.co');
    const after = simulateZendeskChanges(readZendeskState({}), changes);
    expect(planZendeskChanges({ evaluation, policy: peewah, settings: {}, configProblems: [], state: after })).toEqual([]);
    // Same priority, another routing: a new note for the agent.
    const moved = { ...after, notedAgent: JSON.stringify([['category', { category: 'comercial' }]]) };
    expect(planZendeskChanges({ evaluation, policy: peewah, settings: {}, configProblems: [], state: moved }).map((c) => c.kind)).toEqual([
      'add-note',
    ]);
  });
});
