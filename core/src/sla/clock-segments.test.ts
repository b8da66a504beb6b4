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
    });
  });

  it('reports a pause in force at now', () => {
    const timeline = [{ type: 'status' as const, at: at(12), status: 'pending' }];
    expect(clockSegments('resolution', timeline, t(10), t(10), t(16), ['pending']).pausedAtNow).toBe(true);
  });
});
