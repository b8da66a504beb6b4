import { builtInPolicies, type Evaluation, evaluateTicket, parseTicket } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { type JiraState, readJiraState } from './jira-facts.js';
import { jiraPriorityMap } from './jira-priority-map.js';
import type { JiraSettings } from './jira-settings.js';
import { comparableProperty } from './jira-sla-property.js';
import { AT_RISK_LABEL, BREACHED_LABEL, planJiraChanges, simulateJiraChanges } from './plan-jira-changes.js';

const policy = builtInPolicies.get('websaas')!;
const createdAt = '2026-12-01T14:00:00Z';

function evaluate(extra: Record<string, unknown> = {}, atMs = Date.parse(createdAt) + 60_000): Evaluation {
  const ticket = parseTicket({
    id: 'jira:acme.atlassian.net:10001',
    createdAt,
    subject: 'No puedo facturar',
    body: 'error al facturar',
    ...extra,
  });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const evaluated = evaluateTicket(policy, ticket.value, atMs);
  if (!evaluated.ok) throw new Error(evaluated.issue.detail);
  return evaluated.value;
}

const plan = (evaluation: Evaluation, state: Partial<JiraState> = {}, settings: JiraSettings = {}) =>
  planJiraChanges({ evaluation, policy, settings, configProblems: [], state: readJiraState(state) });

describe('planJiraChanges', () => {
  it("sets the mapped priority, the resolution due day in the policy's zone, the property and one ADF comment on a new issue", () => {
    const evaluation = evaluate();
    expect(plan(evaluation)).toEqual([
      { kind: 'set-priority', name: jiraPriorityMap(policy, {}).get(evaluation.priority!) },
      { kind: 'set-duedate', duedate: evaluation.sla.resolution!.dueAt.slice(0, 10) },
      {
        kind: 'set-property',
        value: expect.objectContaining({
          priority: evaluation.priority,
          policy: 'websaas',
          state: 'ok',
          evaluatedAt: evaluation.evaluatedAt,
        }),
      },
      {
        kind: 'put-comment',
        body: expect.objectContaining({ type: 'doc', version: 1 }),
        text: expect.stringMatching(/^Plazo: prioridad /),
      },
    ]);
  });

  it('plans nothing for an issue that shows everything, even evaluated again later (the property ignores evaluatedAt)', () => {
    const evaluation = evaluate();
    const after = simulateJiraChanges(readJiraState({}), plan(evaluation));
    expect(plan(evaluation, after)).toEqual([]);
    const later = evaluate({}, Date.parse(createdAt) + 120_000);
    expect(later.evaluatedAt).not.toBe(evaluation.evaluatedAt);
    expect(plan(later, after)).toEqual([]);
  });

  it("labels a breached issue plazo-breached, drops plazo-at-risk and leaves a person's labels alone", () => {
    const breached = evaluate({}, Date.parse(createdAt) + 40 * 86_400_000);
    expect(breached.sla.resolution?.state).toBe('breached');
    const changes = plan(breached, { labels: ['customer', AT_RISK_LABEL] });
    expect(changes).toContainEqual({ kind: 'set-labels', add: [BREACHED_LABEL], remove: [AT_RISK_LABEL] });
    expect(simulateJiraChanges(readJiraState({ labels: ['customer', AT_RISK_LABEL] }), changes).labels).toEqual([
      'customer',
      BREACHED_LABEL,
    ]);
  });

  it("maps priorities through the installation's priorityMap, by Jira name without regard to case", () => {
    const evaluation = evaluate();
    const settings = { priorityMap: { [evaluation.priority!]: 'P1 - Critical' } };
    expect(plan(evaluation, {}, settings)[0]).toEqual({ kind: 'set-priority', name: 'P1 - Critical' });
    expect(plan(evaluation, { priority: 'p1 - critical' }, settings).map((c) => c.kind)).not.toContain('set-priority');
  });

  it('keeps the due date a person set while the resolution clock is paused', () => {
    const paused = evaluate({ timeline: [{ type: 'status', at: '2026-12-01T14:00:30Z', status: 'pending' }] });
    expect(paused.sla.resolution?.state).toBe('paused');
    const changes = plan(paused, { duedate: '2027-01-31' });
    expect(changes.map((c) => c.kind)).not.toContain('set-duedate');
    const property = changes.find((c) => c.kind === 'set-property');
    expect(property && comparableProperty(property.value)).toContain('"resolution":{"state":"paused"');
  });
});
