import type { WriteBackFailure } from '../host-adapter.js';
import { ZendeskApiError } from './zendesk-client.js';

/**
 * 429 waits for Retry-After; 5xx, timeouts, refused credentials and a 409 that kept conflicting back off; any other 4xx
 * would fail the same way again, so it is permanent. An error without a status is not known to be permanent: it backs off.
 */
export function describeZendeskFailure(error: unknown): WriteBackFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ZendeskApiError)) return { code: 'write-back-error', permanent: false, retryAfterMs: null, detail: message };
  const { status, retryAfterMs } = error;
  if (status === 429) return { code: 'host-rate-limited', permanent: false, retryAfterMs, detail: `Zendesk rate limit (429): ${message}` };
  if (status === 0) return { code: 'host-timeout', permanent: false, retryAfterMs: null, detail: `Zendesk did not answer: ${message}` };
  if (status >= 500) return { code: 'host-unavailable', permanent: false, retryAfterMs, detail: `Zendesk error ${status}: ${message}` };
  if (status === 401 || status === 403)
    return {
      code: 'host-credentials',
      permanent: false,
      retryAfterMs: null,
      detail: `Zendesk refused the credentials (${status}): ${message}`,
    };
  if (status === 409)
    return {
      code: 'host-conflict',
      permanent: false,
      retryAfterMs: null,
      detail: `the ticket kept changing during the update: ${message}`,
    };
  return { code: 'host-refused', permanent: true, retryAfterMs: null, detail: `Zendesk refused the change (${status}): ${message}` };
}
