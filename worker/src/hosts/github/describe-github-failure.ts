import { retryAfterMs } from '../../http/retry-after-ms.js';
import type { WriteBackFailure } from '../host-adapter.js';

type ErrorLike = { status?: unknown; message?: unknown; name?: unknown; response?: { headers?: Record<string, string | undefined> } };

/**
 * Rate limits wait for Retry-After or x-ratelimit-reset; 5xx, timeouts and refused credentials back off; any other 4xx
 * would fail the same way again, so it is permanent. An error without a status is not known to be permanent: it backs off too.
 */
export function describeGitHubFailure(error: unknown, nowMs = Date.now()): WriteBackFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status = typeof e.status === 'number' ? e.status : 0;
  const headers = e.response?.headers ?? {};
  const after = retryAfterMs(headers['retry-after'], nowMs);
  if (status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /secondary rate limit/i.test(message)))) {
    const reset = headers['x-ratelimit-reset'] ? Number(headers['x-ratelimit-reset']) * 1000 - nowMs : null;
    const wait = after ?? (reset !== null && Number.isFinite(reset) ? Math.max(0, reset) : null);
    return { code: 'host-rate-limited', permanent: false, retryAfterMs: wait, detail: `GitHub rate limit (${status}): ${message}` };
  }
  if (status >= 500)
    return { code: 'host-unavailable', permanent: false, retryAfterMs: after, detail: `GitHub error ${status}: ${message}` };
  // A refused token may just have expired early: the next try mints another.
  if (status === 401)
    return { code: 'host-credentials', permanent: false, retryAfterMs: null, detail: `GitHub refused the credentials: ${message}` };
  if (status >= 400)
    return { code: 'host-refused', permanent: true, retryAfterMs: null, detail: `GitHub refused the change (${status}): ${message}` };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') {
    return { code: 'host-timeout', permanent: false, retryAfterMs: null, detail: `GitHub did not answer: ${message}` };
  }
  return { code: 'write-back-error', permanent: false, retryAfterMs: null, detail: message };
}
