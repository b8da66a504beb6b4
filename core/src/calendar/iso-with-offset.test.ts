import { describe, expect, it } from 'vitest';
import { isoWithOffset } from './iso-with-offset.js';

const instant = Date.UTC(2026, 2, 2, 15, 0, 0);

describe('isoWithOffset', () => {
  it('writes local time at the offset, with milliseconds only when they are not zero', () => {
    expect(isoWithOffset(instant, -300, false)).toBe('2026-03-02T10:00:00-05:00');
    expect(isoWithOffset(instant + 5, -300, false)).toBe('2026-03-02T10:00:00.005-05:00');
    expect(isoWithOffset(instant, 330, true)).toBe('2026-03-02T20:30:00+05:30');
  });

  it('writes Z only for a fixed zone at offset zero, +00:00 for a named zone there', () => {
    expect(isoWithOffset(instant, 0, true)).toBe('2026-03-02T15:00:00Z');
    expect(isoWithOffset(instant, 0, false)).toBe('2026-03-02T15:00:00+00:00');
  });

  it('truncates an offset in seconds to whole minutes, as luxon does (Monrovia’s −00:44:30 in 1971)', () => {
    expect(isoWithOffset(Date.UTC(1971, 5, 1, 12), -44.5, false)).toBe('1971-06-01T11:15:30-00:44');
  });
});
