import { describe, expect, it } from 'vitest';
import { clockSegments } from './clock-segments.js';

const t = (h: number) => Date.UTC(2026, 2, 2, h);
const at = (h: number) => new Date(t(h)).toISOString();

describe('clockSegments', () => {
  it('orders events by time whatever the timeline order, and splits resolution at pauses', () => {
    const timeline = [
      { type: 'status' as const, at: at(14), status: 'open' },
      { type: 'status' as const, at: at(12), status: 'pending' },
    ];
    expect(clockSegments('resolution', timeline, t(10), t(10), t(16), ['pending'])).toEqual({
      segments: [
        [t(10), t(12)],
        [t(14), t(16)],
      ],
      stoppedAtMs: null,
      pausedAtNow: false,
      metBy: null,
    });
  });

  it('drops the time before the clock start', () => {
    expect(clockSegments('firstResponse', [], t(2), t(8), t(9), []).segments).toEqual([[t(8), t(9)]]);
  });

  it('ignores status changes while solved: only reopening resumes the clock', () => {
    const timeline = [
      { type: 'solved' as const, at: at(11) },
      { type: 'status' as const, at: at(12), status: 'open' },
    ];
    expect(clockSegments('resolution', timeline, t(10), t(10), t(16), [])).toEqual({
      segments: [[t(10), t(11)]],
      stoppedAtMs: t(11),
      pausedAtNow: false,
      metBy: null,
    });
  });

  it('reports a pause in force at now', () => {
    const timeline = [{ type: 'status' as const, at: at(12), status: 'pending' }];
    expect(clockSegments('resolution', timeline, t(10), t(10), t(16), ['pending']).pausedAtNow).toBe(true);
  });
});

describe('clockSegments with milestones', () => {
  const plan = (h: number, reached = true) => ({ type: 'milestone' as const, at: at(h), milestone: 'plan-delivered', reached });

  it('stops the resolution clock where an agent marks the plan delivered, though the ticket stays open', () => {
    const timeline = [plan(12), { type: 'status' as const, at: at(13), status: 'open' }];
    expect(clockSegments('resolution', timeline, t(10), t(10), t(16), [], ['plan-delivered'])).toEqual({
      segments: [[t(10), t(12)]],
      stoppedAtMs: t(12),
      pausedAtNow: false,
      metBy: 'plan-delivered',
    });
  });

  it('ignores a milestone the target does not list', () => {
    expect(clockSegments('resolution', [plan(12)], t(10), t(10), t(16), []).segments).toEqual([[t(10), t(16)]]);
  });

  it('counts a milestone unmarked later as never marked, and a mark after that from its own instant', () => {
    const unmarked = clockSegments('resolution', [plan(11), plan(12, false)], t(10), t(10), t(16), [], ['plan-delivered']);
    expect(unmarked).toMatchObject({ segments: [[t(10), t(16)]], stoppedAtMs: null, metBy: null });
    const again = clockSegments('resolution', [plan(11), plan(12, false), plan(14)], t(10), t(10), t(16), [], ['plan-delivered']);
    expect(again).toMatchObject({ segments: [[t(10), t(14)]], stoppedAtMs: t(14), metBy: 'plan-delivered' });
  });

  it('keeps the solution as what met the target when the ticket was solved before the plan', () => {
    const timeline = [{ type: 'solved' as const, at: at(11) }, plan(12)];
    expect(clockSegments('resolution', timeline, t(10), t(10), t(16), [], ['plan-delivered'])).toMatchObject({
      stoppedAtMs: t(11),
      metBy: null,
    });
  });

  it('is not undone by a pause, a reopening or a solution after it', () => {
    const timeline = [plan(12), { type: 'status' as const, at: at(13), status: 'pending' }, { type: 'reopened' as const, at: at(14) }];
    expect(clockSegments('resolution', timeline, t(10), t(10), t(16), ['pending'], ['plan-delivered'])).toMatchObject({
      segments: [[t(10), t(12)]],
      stoppedAtMs: t(12),
      pausedAtNow: false,
    });
  });

  it('does not see a mark after now', () => {
    expect(clockSegments('resolution', [plan(17)], t(10), t(10), t(16), [], ['plan-delivered']).stoppedAtMs).toBeNull();
  });

  it('meets a first response only when no agent replied before the mark', () => {
    const reply = { type: 'reply' as const, at: at(11), public: true, byAgent: true };
    expect(clockSegments('firstResponse', [reply, plan(12)], t(10), t(10), t(16), [], ['plan-delivered'])).toMatchObject({
      stoppedAtMs: t(11),
      metBy: null,
    });
    expect(clockSegments('firstResponse', [plan(12)], t(10), t(10), t(16), [], ['plan-delivered'])).toMatchObject({
      stoppedAtMs: t(12),
      metBy: 'plan-delivered',
    });
  });
});
