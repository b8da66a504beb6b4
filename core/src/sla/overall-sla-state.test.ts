import { describe, expect, it } from 'vitest';
import type { TargetStatus } from '../evaluation/evaluation-schema.js';
import { overallSlaState } from './overall-sla-state.js';

const target = (state: TargetStatus['state']): TargetStatus => ({
  target: 'resolution',
  clock: 'business',
  targetMs: 1,
  dueAt: '2026-03-09T10:00:00Z',
  state,
  remainingMs: 0,
  metAt: null,
  nextThresholdAt: null,
});

describe('overallSlaState', () => {
  it('shows the worst target: a breached first response beats a running resolution', () => {
    expect(overallSlaState({ excluded: false, sla: { firstResponse: target('breached'), resolution: target('running') } })).toBe(
      'breached',
    );
  });

  it('shows at risk over running and running over met', () => {
    expect(overallSlaState({ excluded: false, sla: { firstResponse: target('met'), resolution: target('at-risk') } })).toBe('at-risk');
    expect(overallSlaState({ excluded: false, sla: { firstResponse: target('met'), resolution: target('running') } })).toBe('running');
  });

  it('says excluded for an excluded ticket and none for a ticket without targets', () => {
    expect(overallSlaState({ excluded: true, sla: { firstResponse: null, resolution: null } })).toBe('excluded');
    expect(overallSlaState({ excluded: false, sla: { firstResponse: null, resolution: null } })).toBe('none');
  });
});
