import { describe, expect, it } from 'vitest';
import { MAX_DELAY_SECONDS, retryDelaySeconds } from './retry-delay.js';

describe('retryDelaySeconds', () => {
  it('honours the host wait, with at most 10% jitter on top', () => {
    expect(retryDelaySeconds(1, 5, 30_000, () => 0)).toBe(30);
    expect(retryDelaySeconds(1, 5, 30_000, () => 0.99)).toBe(32);
    expect(retryDelaySeconds(1, 5, 0, () => 0)).toBe(1);
  });

  it('backs off exponentially with jitter between half and all of the ceiling', () => {
    expect(retryDelaySeconds(1, 5, null, () => 0)).toBe(3);
    expect(retryDelaySeconds(1, 5, null, () => 1)).toBe(5);
    expect(retryDelaySeconds(4, 5, null, () => 0)).toBe(20);
    expect(retryDelaySeconds(4, 5, null, () => 1)).toBe(40);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelaySeconds(30, 5, null, () => 1)).toBe(MAX_DELAY_SECONDS);
    expect(retryDelaySeconds(1, 5, 10 * 3600 * 1000, () => 1)).toBe(MAX_DELAY_SECONDS);
  });
});
