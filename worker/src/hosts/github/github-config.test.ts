import { describe, expect, it } from 'vitest';
import { readSettings } from '../../env.js';
import { readGitHubConfig } from './github-config.js';

describe('readGitHubConfig', () => {
  it("reads GitHub's own vars and secrets, with the current webhook secret before the previous one", () => {
    const config = readGitHubConfig({
      GITHUB_API_URL: 'https://ghe.example/api/v3/',
      GITHUB_WEBHOOK_SECRET: 'now',
      GITHUB_WEBHOOK_SECRET_PREVIOUS: 'before',
      GITHUB_APP_ID: '4711',
      GITHUB_APP_SLUG: 'plazo',
      GITHUB_TOKEN: ' ',
    } as never);
    expect(config).toEqual({ apiUrl: 'https://ghe.example/api/v3', webhookSecrets: ['now', 'before'], appId: '4711', appSlug: 'plazo' });
    expect(readGitHubConfig({} as never)).toEqual({ apiUrl: 'https://api.github.com', webhookSecrets: [] });
  });

  it('names a malformed GitHub var, and the shared settings do not read it', () => {
    const env = { GITHUB_API_URL: 'not a url', DEFAULT_POLICY_ID: 'websaas' } as never;
    expect(() => readGitHubConfig(env)).toThrow(/invalid GitHub configuration: apiUrl/);
    expect(readSettings(env)).toEqual({
      defaultPolicyId: 'websaas',
      maxAttempts: 6,
      retryBaseSeconds: 5,
      hostRetryBaseMs: 1000,
      hostTimeoutMs: 10_000,
    });
  });
});
