import * as z from 'zod';
import { type Env, optionalText, parseEnv } from '../../env.js';

/** Atlassian's published keys for Forge Invocation Tokens. */
export const FORGE_JWKS_URL = 'https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json';

/** jose's own cooldown between JWKS fetches. */
export const FORGE_JWKS_COOLDOWN_MS = 30_000;

const jiraConfigSchema = z.object({
  /** The Forge app's ARI (ari:cloud:ecosystem::app/<uuid>): the audience every invocation token must name; no Forge path without it. */
  forgeAppId: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z
      .string()
      .regex(/^ari:cloud:ecosystem::app\/[0-9a-f-]{36}$/, 'must be the app ARI, ari:cloud:ecosystem::app/<uuid>')
      .optional(),
  ),
  jwksUrl: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.url().default(FORGE_JWKS_URL)),
  /** How long after a JWKS fetch an unknown kid is refused without fetching again (jose's default 30 s); 0 fetches once per such token. */
  jwksCooldownMs: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Number(v)),
    z.number().int().min(0).default(FORGE_JWKS_COOLDOWN_MS),
  ),
  /** Where an admin-webhook site's REST API is; "{site}" is replaced by its host (tests and proxies point it elsewhere). */
  siteUrl: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z
      .string()
      .regex(/^https?:\/\/\S*\{site\}\S*$/, 'must be a URL containing "{site}"')
      .default('https://{site}'),
  ),
  /** Development only: admin-webhook deliveries signed with it (no ?site=) go to the installation "jira:dev", always a dry run. */
  devWebhookSecret: optionalText,
  /** base64 of 32 bytes: seals installations' secrets (webhook secret, API token, the Forge system token) at rest. */
  credentialsKey: optionalText,
});
export type JiraConfig = z.infer<typeof jiraConfigSchema>;

/** Jira's vars and secrets: JIRA_FORGE_APP_ID, JIRA_FORGE_JWKS_URL, JIRA_FORGE_JWKS_COOLDOWN_MS, JIRA_SITE_URL, JIRA_WEBHOOK_SECRET (development), CREDENTIALS_KEY. */
export function readJiraConfig(env: Env): JiraConfig {
  return parseEnv(
    jiraConfigSchema,
    {
      forgeAppId: env.JIRA_FORGE_APP_ID,
      jwksUrl: env.JIRA_FORGE_JWKS_URL,
      jwksCooldownMs: env.JIRA_FORGE_JWKS_COOLDOWN_MS,
      siteUrl: env.JIRA_SITE_URL,
      devWebhookSecret: env.JIRA_WEBHOOK_SECRET,
      credentialsKey: env.CREDENTIALS_KEY,
    },
    'Jira',
  );
}
