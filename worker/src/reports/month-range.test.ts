import { describe, expect, it } from 'vitest';
import { MAX_REPORT_MONTHS, readMonthRange } from './month-range.js';

describe('readMonthRange', () => {
  it('lists the months from one to the other across a year, both included', () => {
    const range = readMonthRange('2026-11', '2027-02');
    expect(range.ok && range.value.months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('queries instants far enough around the UTC months for any zone’s month to be inside', () => {
    const range = readMonthRange('2026-03', '2026-03');
    if (!range.ok) throw new Error(range.issue.detail);
    // Kiritimati (UTC+14) enters March 14 h before UTC; Baker Island (UTC−12) leaves it 12 h after.
    expect(range.value.fromMs).toBeLessThanOrEqual(Date.parse('2026-02-28T10:00:00Z'));
    expect(range.value.toMs).toBeGreaterThanOrEqual(Date.parse('2026-04-01T12:00:00Z'));
  });

  it('names a malformed month, a range that runs backwards and one too long', () => {
    expect(readMonthRange('2026-3', '2026-04')).toMatchObject({ ok: false, issue: { code: 'invalid-query' } });
    expect(readMonthRange('2026-04', '2026-03')).toMatchObject({ ok: false, issue: { detail: 'to (2026-03) is before from (2026-04)' } });
    expect(readMonthRange('2020-01', '2023-01')).toMatchObject({
      ok: false,
      issue: { detail: `a report spans at most ${MAX_REPORT_MONTHS} months` },
    });
    expect(readMonthRange('2020-01', '2022-12').ok).toBe(true);
  });
});
