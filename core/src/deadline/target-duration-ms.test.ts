import { describe, expect, it } from 'vitest';
import { targetDurationMs } from './target-duration-ms.js';

describe('targetDurationMs', () => {
  it('turns minutes and hours into milliseconds', () => {
    expect(targetDurationMs({ amount: 30, unit: 'minutes', clock: 'calendar' }, null)).toEqual({ ok: true, value: 1_800_000 });
    expect(targetDurationMs({ amount: 16, unit: 'hours', clock: 'business' }, null)).toEqual({ ok: true, value: 57_600_000 });
  });

  it('makes N business days N open days of business time (Infraspeak: 2 × 12 h)', () => {
    expect(targetDurationMs({ amount: 2, unit: 'businessDays', clock: 'business' }, { openDayMs: 12 * 3_600_000 })).toEqual({
      ok: true,
      value: 86_400_000,
    });
  });

  it('rounds fractional amounts to whole milliseconds', () => {
    expect(targetDurationMs({ amount: 1 / 3, unit: 'minutes', clock: 'calendar' }, null)).toEqual({ ok: true, value: 20_000 });
  });

  it('fails with needs-calendar for business days without a calendar', () => {
    const r = targetDurationMs({ amount: 1, unit: 'businessDays', clock: 'business' }, null);
    expect(!r.ok && r.issue.code).toBe('needs-calendar');
  });
});
