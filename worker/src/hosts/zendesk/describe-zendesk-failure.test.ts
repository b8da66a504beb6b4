import { describe, expect, it } from 'vitest';
import { describeZendeskFailure } from './describe-zendesk-failure.js';
import { ZendeskApiError } from './zendesk-client.js';

describe('describeZendeskFailure', () => {
  it("waits for Zendesk's Retry-After on a 429", () => {
    expect(describeZendeskFailure(new ZendeskApiError(429, 'PUT answered 429', 7000))).toMatchObject({
      code: 'host-rate-limited',
      permanent: false,
      retryAfterMs: 7000,
    });
  });
  it('backs off on 5xx, timeouts, refused credentials and a conflict that did not settle', () => {
    for (const [status, code] of [
      [503, 'host-unavailable'],
      [0, 'host-timeout'],
      [401, 'host-credentials'],
      [409, 'host-conflict'],
    ] as const) {
      expect(describeZendeskFailure(new ZendeskApiError(status, 'x', null))).toMatchObject({ code, permanent: false });
    }
  });
  it('records other refusals once, as permanent', () => {
    expect(describeZendeskFailure(new ZendeskApiError(422, 'invalid', null))).toMatchObject({ code: 'host-refused', permanent: true });
  });
  it('backs off on an error it does not know', () => {
    expect(describeZendeskFailure(new Error('boom'))).toMatchObject({ code: 'write-back-error', permanent: false, detail: 'boom' });
  });
});
