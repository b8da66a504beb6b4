import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import type { HostCallLimits } from '../host-adapter.js';

/**
 * @octokit/core with pagination and in-request retries for 5xx and network errors (@octokit/plugin-retry). Calls name
 * their REST route (`octokit.request('GET /repos/{owner}/{repo}/labels', …)`): @octokit/rest's generated table of every
 * endpoint method would cost the Worker bundle about 80 KiB for the dozen routes Plazo uses.
 */
const RetryingOctokit = Octokit.plugin(paginateRest, retry);
export type GitHubClient = InstanceType<typeof RetryingOctokit>;

/** 403/429 go to the queue, which waits for Retry-After or the reset without holding a consumer (plugin-throttling's module-wide Bottleneck groups outlive an invocation, so it is not used). */
const doNotRetry = [400, 401, 403, 404, 410, 422, 429, 451];

export function createGitHubClient(auth: string | undefined, apiUrl: string, limits: HostCallLimits): GitHubClient {
  return new RetryingOctokit({
    ...(auth ? { auth } : {}),
    baseUrl: apiUrl,
    userAgent: 'plazo-worker',
    retry: { doNotRetry, retries: 2, retryAfterBaseValue: limits.retryBaseMs },
    request: {
      // Every attempt gets its own deadline, so a hung GitHub counts as a failure to retry.
      fetch: (url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(limits.timeoutMs) }),
    },
    // Failures are reported once, by the consumer, with their outcome (retry or failed job).
    log: { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} },
  });
}
