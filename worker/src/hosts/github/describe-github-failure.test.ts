import { describe, expect, it } from 'vitest';
import { describeGitHubFailure } from './describe-github-failure.js';

const error = (status: number, headers: Record<string, string> = {}, message = 'x') => Object.assign(new Error(message), { status, response: { headers } });
const now = Date.parse('2026-03-02T15:00:00Z');

describe('describeGitHubFailure', () => {
  it('waits for Retry-After on a 429', () => {
    expect(describeGitHubFailure(error(429, { 'retry-after': '7' }), now)).toMatchObject({ retryable: true, retryAfterMs: 7000 });
  });

  it('waits until x-ratelimit-reset when no requests are left', () => {
    const reset = String(now / 1000 + 90);
    expect(describeGitHubFailure(error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), now)).toMatchObject({ retryable: true, retryAfterMs: 90_000 });
  });

  it('treats a secondary rate limit as retryable', () => {
    expect(describeGitHubFailure(error(403, {}, 'You have exceeded a secondary rate limit'), now).retryable).toBe(true);
  });

  it('retries 5xx and timeouts, not other 4xx', () => {
    expect(describeGitHubFailure(error(502), now)).toMatchObject({ retryable: true, retryAfterMs: null });
    expect(describeGitHubFailure(Object.assign(new Error('aborted'), { name: 'TimeoutError' }), now).retryable).toBe(true);
    expect(describeGitHubFailure(error(403, {}, 'Resource not accessible by integration'), now).retryable).toBe(false);
    expect(describeGitHubFailure(error(422), now).retryable).toBe(false);
  });

  it('reads an HTTP-date Retry-After', () => {
    expect(describeGitHubFailure(error(503, { 'retry-after': new Date(now + 5000).toUTCString() }), now).retryAfterMs).toBe(5000);
  });
});
