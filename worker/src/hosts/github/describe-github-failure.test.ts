import { describe, expect, it } from 'vitest';
import { describeGitHubFailure } from './describe-github-failure.js';

const error = (status: number, headers: Record<string, string> = {}, message = 'x') =>
  Object.assign(new Error(message), { status, response: { headers } });
const now = Date.parse('2026-03-02T15:00:00Z');

describe('describeGitHubFailure', () => {
  it('waits for Retry-After on a 429', () => {
    expect(describeGitHubFailure(error(429, { 'retry-after': '7' }), now)).toMatchObject({
      code: 'host-rate-limited',
      permanent: false,
      retryAfterMs: 7000,
    });
  });

  it('waits until x-ratelimit-reset when no requests are left', () => {
    const reset = String(now / 1000 + 90);
    expect(describeGitHubFailure(error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), now)).toMatchObject({
      code: 'host-rate-limited',
      permanent: false,
      retryAfterMs: 90_000,
    });
  });

  it('treats a secondary rate limit as something that passes', () => {
    expect(describeGitHubFailure(error(403, {}, 'You have exceeded a secondary rate limit'), now)).toMatchObject({
      code: 'host-rate-limited',
      permanent: false,
    });
  });

  it('retries 5xx, timeouts and errors it cannot classify; other 4xx are permanent', () => {
    expect(describeGitHubFailure(error(502), now)).toMatchObject({ code: 'host-unavailable', permanent: false, retryAfterMs: null });
    expect(describeGitHubFailure(Object.assign(new Error('aborted'), { name: 'TimeoutError' }), now)).toMatchObject({
      code: 'host-timeout',
      permanent: false,
    });
    expect(describeGitHubFailure(error(401), now)).toMatchObject({ code: 'host-credentials', permanent: false });
    expect(describeGitHubFailure(error(403, {}, 'Resource not accessible by integration'), now)).toMatchObject({
      code: 'host-refused',
      permanent: true,
    });
    expect(describeGitHubFailure(error(422), now)).toMatchObject({ code: 'host-refused', permanent: true });
    expect(describeGitHubFailure(new TypeError('fetch failed'), now)).toMatchObject({
      code: 'write-back-error',
      permanent: false,
      detail: 'fetch failed',
    });
  });

  it('reads an HTTP-date Retry-After', () => {
    expect(describeGitHubFailure(error(503, { 'retry-after': new Date(now + 5000).toUTCString() }), now).retryAfterMs).toBe(5000);
  });
});
