import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // The core, view-text and cross-package suites, in Node.
        test: {
          name: 'core',
          include: ['core/**/*.test.ts', 'view-text/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/worker/**', 'test/zendesk-app/**'],
        },
      },
      {
        // The built Zendesk sidebar: its app files, its preview beside the Worker's evaluation, and the page in Debian's Chromium.
        test: {
          name: 'zendesk-app',
          include: ['test/zendesk-app/**/*.test.ts'],
          globalSetup: ['test/zendesk-app/support/build-sidebar.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The Jira Forge app: its manifest through @forge/manifest's full validation, its UI Kit components through the real
        // ForgeReconciler and @forge/bridge, with a stand-in for Forge's side of the bridge (jira-forge/test-support).
        test: {
          name: 'jira-forge',
          include: ['jira-forge/**/*.test.{ts,tsx}'],
          setupFiles: ['jira-forge/test-support/install-forge-host.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // The Worker, inside workerd, against the real D1 migrations and each host's REST stand-in on loopback.
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            remoteBindings: false,
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('worker/migrations'),
                // Shared settings.
                ADMIN_TOKEN: 'test-admin-token',
                HOST_RETRY_BASE_MS: '10',
                // Far above a loopback call on a busy machine; the timeout test's stand-in never answers, so it fires anyway.
                HOST_TIMEOUT_MS: '5000',
                WRITE_BACK_RETRY_BASE_SECONDS: '1',
                WRITE_BACK_MAX_ATTEMPTS: '3',
                // The GitHub adapter's own (worker/src/hosts/github/github-config.ts).
                GITHUB_API_URL: inject('githubApiUrl'),
                GITHUB_APP_ID: '4711',
                GITHUB_APP_SLUG: 'plazo-test',
                GITHUB_APP_PRIVATE_KEY: inject('githubAppPrivateKey'),
                GITHUB_TOKEN: 'test-personal-token',
                GITHUB_WEBHOOK_SECRET: 'test-webhook-secret',
                // The Zendesk adapter's own (worker/src/hosts/zendesk/zendesk-config.ts): accounts live under /<subdomain>.
                ZENDESK_API_URL: `${inject('zendeskStandInUrl')}/{subdomain}`,
                ZENDESK_WEBHOOK_SECRET: 'test-zendesk-dev-secret',
                // The Jira adapter's own (worker/src/hosts/jira/jira-config.ts): the stand-in serves the JWKS and every site.
                JIRA_FORGE_APP_ID: 'ari:cloud:ecosystem::app/0b6e1d6a-5b1e-4c57-9a8f-7d3c2e1f4a5b',
                JIRA_FORGE_JWKS_URL: `${inject('jiraStandInUrl')}/.well-known/jwks.json`,
                // No cooldown between JWKS fetches, so a rotated key is fetched at once (jira-forge-keys.e2e.test.ts) without waiting 30 s.
                JIRA_FORGE_JWKS_COOLDOWN_MS: '0',
                JIRA_SITE_URL: `${inject('jiraStandInUrl')}/site/{site}`,
                JIRA_WEBHOOK_SECRET: 'test-jira-dev-secret',
                // 32 bytes of test key, base64: encrypts installations' secrets at rest.
                CREDENTIALS_KEY: 'cGxhem8tdGVzdC1jcmVkZW50aWFscy1rZXktMzJiISE=',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['worker/**/*.test.ts', 'test/worker/**/*.test.ts'],
          globalSetup: [
            // The built-in policies asset the Worker reads through ASSETS (served from wrangler.toml's [assets] directory).
            'worker/scripts/build-policy-assets.mjs',
            'test/github-stand-in/global-setup.ts',
            'test/zendesk-stand-in/global-setup.ts',
            'test/jira-stand-in/global-setup.ts',
          ],
          setupFiles: ['test/worker/support/apply-migrations.ts'],
          testTimeout: 30_000,
          // jira.js's models import each other in a cycle that Vite's module runner evaluates out of order (Node and esbuild
          // do not): pre-bundled with esbuild, as wrangler bundles it.
          deps: { optimizer: { ssr: { enabled: true, include: ['jira.js/cloud', 'jira.js/core'] } } },
        },
      },
    ],
  },
});
