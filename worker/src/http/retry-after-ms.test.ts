import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after-ms.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  it('reads seconds', () => expect(retryAfterMs('7', now)).toBe(7_000));
  it('reads an HTTP date as the time until it', () => expect(retryAfterMs('Sun, 06 Dec 2026 12:00:30 GMT', now)).toBe(30_000));
  it('never answers a negative wait', () => expect(retryAfterMs('Sun, 06 Dec 2026 11:00:00 GMT', now)).toBe(0));
  it('answers null when the header is absent or unreadable', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
