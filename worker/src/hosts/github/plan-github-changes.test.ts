import { builtInPolicies, type Evaluation, evaluateTicket, parseTicket } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import type { GitHubState } from './github-facts.js';
import { planGitHubChanges, toldOnGitHub } from './plan-github-changes.js';
import { simulateGitHubChanges } from './simulate-github-changes.js';

const policy = builtInPolicies.get('peewah')!;
function evaluate(subject: string, body: string, nowIso: string, priority?: string): Evaluation {
  const ticket = parseTicket({ id: 't', createdAt: '2026-03-02T10:00:00-05:00', subject, body, ...(priority ? { priority } : {}) });
  if (!ticket.ok) throw new Error(ticket.issue.detail);
  const e = evaluateTicket(policy, ticket.value, Date.parse(nowIso));
  if (!e.ok) throw new Error(e.issue.detail);
  return e.value;
}
const empty: GitHubState = { labels: ['bug'], repoLabels: ['bug'], comment: null };
const plan = (evaluation: Evaluation, state: GitHubState) =>
  planGitHubChanges({ evaluation, policy, settings: {}, configProblems: [], state });

describe('planGitHubChanges', () => {
  it('creates missing labels, adds them and writes the comment; applying it leaves nothing to do', () => {
    const e = evaluate('Consulta', 'Cómo cambio el logo del evento', '2026-03-02T10:30:00-05:00', 'media');
    const changes = plan(e, empty);
    expect(changes.map((c) => c.kind)).toEqual(['create-label', 'add-labels', 'create-comment']);
    expect(changes[1]).toEqual({ kind: 'add-labels', names: ['priority: media'] });
    expect(plan(e, simulateGitHubChanges(empty, changes))).toEqual([]);
  });

  it('swaps priority and SLA labels, and edits the comment in place', () => {
    const e = evaluate('Consulta', 'Cómo cambio el logo del evento', '2026-03-09T10:30:00-05:00', 'alta');
    const state: GitHubState = {
      labels: ['bug', 'priority: media', 'sla: at risk'],
      repoLabels: ['bug', 'priority: media', 'priority: alta', 'sla: at risk', 'sla: breached'],
      comment: { id: 9, body: 'old' },
    };
    const changes = plan(e, state);
    expect(changes).toContainEqual({ kind: 'add-labels', names: ['priority: alta', 'sla: breached'] });
    expect(changes).toContainEqual({ kind: 'remove-label', name: 'priority: media' });
    expect(changes).toContainEqual({ kind: 'remove-label', name: 'sla: at risk' });
    expect(changes.find((c) => c.kind === 'update-comment')).toMatchObject({ commentId: 9 });
    expect(changes.some((c) => c.kind === 'create-label')).toBe(false);
    expect(changes.some((c) => c.kind === 'remove-label' && c.name === 'bug')).toBe(false);
  });

  it('compares label names without case, as GitHub does', () => {
    const e = evaluate('Consulta', 'Cómo cambio el logo del evento', '2026-03-02T10:30:00-05:00', 'media');
    const once = simulateGitHubChanges(empty, plan(e, empty));
    expect(plan(e, { ...once, labels: once.labels.map((l) => l.toUpperCase()) })).toEqual([]);
  });

  it('only comments on an excluded issue', () => {
    const e = evaluate(
      'Se cae la transmisión del evento en vivo',
      'Problemas de conexión a internet durante la transmisión del evento online, la plataforma de streaming falla.',
      '2026-03-02T10:30:00-05:00',
    );
    expect(e.excluded).toBe(true);
    const changes = plan(e, { ...empty, labels: ['bug', 'sla: breached'] });
    expect(changes.map((c) => c.kind)).toEqual(['remove-label', 'create-comment']);
  });

  it('says the customer messages in one reply after everything else, and nothing when there is nothing to say', () => {
    const e = evaluate('Consulta', 'Cómo cambio el logo del evento', '2026-03-02T10:30:00-05:00', 'media');
    const say = [
      { audience: 'customer' as const, code: 'case-opened', locale: 'es' as const, text: 'Caso #4 registrado.', params: {} },
      { audience: 'customer' as const, code: 'missing-information', locale: 'es' as const, text: 'Indíquenos la URL.', params: {} },
    ];
    const changes = planGitHubChanges({ evaluation: e, policy, settings: {}, configProblems: [], state: empty, say });
    expect(changes.at(-1)).toEqual({
      kind: 'reply',
      codes: ['case-opened', 'missing-information'],
      body: '<!-- plazo:customer-messages case-opened missing-information -->\n\nCaso #4 registrado.\n\nIndíquenos la URL.',
    });
    expect(toldOnGitHub(changes)).toEqual(['case-opened', 'missing-information']);
    expect(toldOnGitHub(plan(e, empty))).toEqual([]);
  });
});
