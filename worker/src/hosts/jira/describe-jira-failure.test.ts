import { ApiError, NetworkError, RateLimitError, ServerError } from 'jira.js/core';
import { describe, expect, it } from 'vitest';
import { describeJiraFailure } from './describe-jira-failure.js';
import { JiraTimeoutError } from './jira-client.js';

describe('describeJiraFailure', () => {
  it("waits for jira.js's retryAfterMs (Retry-After) on a 429", () => {
    expect(describeJiraFailure(new RateLimitError('429', 'Too Many Requests', null, { retryAfterMs: 7000 }))).toMatchObject({
      code: 'host-rate-limited',
      permanent: false,
      retryAfterMs: 7000,
    });
  });
  it('backs off on 5xx, timeouts, network failures and refused credentials', () => {
    expect(describeJiraFailure(new ServerError('503', 503, 'Service Unavailable', null))).toMatchObject({
      code: 'host-unavailable',
      permanent: false,
    });
    expect(describeJiraFailure(new JiraTimeoutError('slow'))).toMatchObject({ code: 'host-timeout', permanent: false });
    expect(describeJiraFailure(new NetworkError('reset', { cause: null, code: 'ECONNRESET', transient: true }))).toMatchObject({
      code: 'host-timeout',
    });
    expect(describeJiraFailure(new ApiError('401', 401, 'Unauthorized', null))).toMatchObject({
      code: 'host-credentials',
      permanent: false,
    });
  });
  it('records other refusals once, as permanent, and backs off on an error it does not know', () => {
    expect(describeJiraFailure(new ApiError('400', 400, 'Bad Request', { errors: { priority: 'invalid' } }))).toMatchObject({
      code: 'host-refused',
      permanent: true,
    });
    expect(describeJiraFailure(new Error('boom'))).toMatchObject({ code: 'write-back-error', permanent: false, detail: 'boom' });
  });
});
