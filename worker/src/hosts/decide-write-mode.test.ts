import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { decideWriteMode } from './decide-write-mode.js';
import { githubAdapter } from './github/github-adapter.js';
import { readGitHubConfig } from './github/github-config.js';
import type { HostContext, StoredInstallation } from './host-adapter.js';

const limits = { retryBaseMs: 10, timeoutMs: 1000 };
const context = (vars: Record<string, string>): HostContext<unknown> => ({ config: readGitHubConfig(vars as never), limits, db: env.DB });
const installation = (key: string, settings: unknown = {}): StoredInstallation => ({
  key,
  host: 'github',
  externalId: key.split(':')[1]!,
  account: 'acme',
  active: true,
  settings,
  selfActor: null,
});

describe('decideWriteMode', () => {
  it('runs a dry run when the installation asks for one, without asking the adapter to connect', async () => {
    // A key that cannot sign anything: connecting would throw, so the answer proves connect was not called.
    const ctx = context({ GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: 'not a key', GITHUB_API_URL: 'http://127.0.0.1:9' });
    const mode = await decideWriteMode(githubAdapter, installation('github:42', { dryRun: true }), ctx);
    expect(mode).toEqual({ dryRun: true, reason: { code: 'dry-run-setting', detail: expect.stringMatching(/dry run/) } });
  });

  it('runs a dry run naming the credentials the adapter lacks', async () => {
    expect(await decideWriteMode(githubAdapter, installation('github:42'), context({}))).toEqual({
      dryRun: true,
      reason: { code: 'missing-credentials', detail: expect.stringContaining('GITHUB_APP_ID') },
    });
    expect(await decideWriteMode(githubAdapter, installation('github:token'), context({ GITHUB_APP_ID: '1' }))).toEqual({
      dryRun: true,
      reason: { code: 'missing-credentials', detail: expect.stringContaining('GITHUB_TOKEN') },
    });
  });

  it('writes for real when the installation does not ask for a dry run and the credentials are there', async () => {
    const live = await decideWriteMode(githubAdapter, installation('github:token', { dryRun: false }), context({ GITHUB_TOKEN: 't' }));
    expect(live.dryRun).toBe(false);
  });
});
