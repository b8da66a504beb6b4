import * as z from 'zod';
import type { WriteBackJob } from './write-back/write-back-job.js';

/** The Worker's bindings, as wrangler.toml and `wrangler secret put` declare them. */
export type Env = {
  DB: D1Database;
  WRITE_BACK_QUEUE: Queue<WriteBackJob>;
  GITHUB_API_URL?: string;
  DEFAULT_POLICY_ID?: string;
  WRITE_BACK_MAX_ATTEMPTS?: string;
  /** Base of the queue's exponential backoff, in seconds. */
  WRITE_BACK_RETRY_BASE_SECONDS?: string;
  /** Base of the in-request retry of @octokit/plugin-retry, in milliseconds. */
  HOST_RETRY_BASE_MS?: string;
  /** Timeout of one host call, in milliseconds. */
  HOST_TIMEOUT_MS?: string;
  GITHUB_WEBHOOK_SECRET?: string;
  /** The previous secret while rotating: deliveries signed with either are accepted. */
  GITHUB_WEBHOOK_SECRET_PREVIOUS?: string;
  GITHUB_APP_ID?: string;
  /** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"); GitHub's PKCS#1 download converts with `openssl pkcs8 -topk8 -nocrypt`. */
  GITHUB_APP_PRIVATE_KEY?: string;
  /** The App's slug: its changes arrive from "<slug>[bot]" and are Plazo's own. */
  GITHUB_APP_SLUG?: string;
  /** Personal token for single-repository setups (deliveries without an installation). */
  GITHUB_TOKEN?: string;
  ADMIN_TOKEN?: string;
};

const positiveInt = (fallback: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().positive().default(fallback));
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined), z.string().optional());

/** Settings read once per invocation from vars and secrets; absent ones take the defaults below. */
const settingsSchema = z.object({
  githubApiUrl: z.preprocess(
    (v) => (typeof v === 'string' && v !== '' ? v.replace(/\/+$/, '') : undefined),
    z.url().default('https://api.github.com'),
  ),
  defaultPolicyId: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('peewah')),
  maxAttempts: positiveInt(6),
  retryBaseSeconds: positiveInt(5),
  hostRetryBaseMs: positiveInt(1000),
  hostTimeoutMs: positiveInt(10_000),
  githubWebhookSecrets: z.array(z.string()),
  githubAppId: optionalText,
  githubAppPrivateKey: optionalText,
  githubAppSlug: optionalText,
  githubToken: optionalText,
  adminToken: optionalText,
});
export type Settings = z.infer<typeof settingsSchema>;

export function readSettings(env: Env): Settings {
  const parsed = settingsSchema.safeParse({
    githubApiUrl: env.GITHUB_API_URL,
    defaultPolicyId: env.DEFAULT_POLICY_ID,
    maxAttempts: env.WRITE_BACK_MAX_ATTEMPTS,
    retryBaseSeconds: env.WRITE_BACK_RETRY_BASE_SECONDS,
    hostRetryBaseMs: env.HOST_RETRY_BASE_MS,
    hostTimeoutMs: env.HOST_TIMEOUT_MS,
    githubWebhookSecrets: [env.GITHUB_WEBHOOK_SECRET, env.GITHUB_WEBHOOK_SECRET_PREVIOUS].filter((s): s is string => !!s),
    githubAppId: env.GITHUB_APP_ID,
    githubAppPrivateKey: env.GITHUB_APP_PRIVATE_KEY,
    githubAppSlug: env.GITHUB_APP_SLUG,
    githubToken: env.GITHUB_TOKEN,
    adminToken: env.ADMIN_TOKEN,
  });
  // A malformed var is an operator's mistake: name it rather than run half-configured.
  if (!parsed.success)
    throw new Error(`invalid Worker configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
