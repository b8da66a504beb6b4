import { ApiError, NetworkError, RateLimitError } from 'jira.js/core';
import type { WriteBackFailure } from '../host-adapter.js';
import { JiraTimeoutError } from './jira-client.js';

/**
 * 429 waits for Jira's retryAfterMs (Retry-After); 5xx, timeouts and network failures back off, and so do refused
 * credentials (a Forge system token is renewed by the next event or the hourly trigger); any other 4xx would fail the same
 * way again, so it is permanent. An error jira.js did not classify is not known to be permanent: it backs off.
 */
export function describeJiraFailure(error: unknown): WriteBackFailure {
  const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
  if (error instanceof RateLimitError)
    return {
      code: 'host-rate-limited',
      permanent: false,
      retryAfterMs: error.retryAfterMs ?? null,
      detail: `Jira rate limit (429): ${message}`,
    };
  if (error instanceof JiraTimeoutError) return { code: 'host-timeout', permanent: false, retryAfterMs: null, detail: message };
  if (error instanceof NetworkError)
    return { code: 'host-timeout', permanent: false, retryAfterMs: null, detail: `Jira did not answer: ${message}` };
  if (!(error instanceof ApiError)) return { code: 'write-back-error', permanent: false, retryAfterMs: null, detail: message };
  const { status } = error;
  if (status >= 500) return { code: 'host-unavailable', permanent: false, retryAfterMs: null, detail: `Jira error ${status}: ${message}` };
  if (status === 401 || status === 403)
    return {
      code: 'host-credentials',
      permanent: false,
      retryAfterMs: null,
      detail: `Jira refused the credentials (${status}): ${message}`,
    };
  return { code: 'host-refused', permanent: true, retryAfterMs: null, detail: `Jira refused the change (${status}): ${message}` };
}
