import * as z from 'zod';
import type { WriteBackJob } from './write-back/write-back-job.js';

/**
 * The Worker's bindings, as wrangler.toml and `wrangler secret put` declare them. Only the shared ones are named here;
 * each host adapter reads its own vars and secrets (GITHUB_*, ZENDESK_*…) with its `readConfig`.
 */
export type Env = {
  DB: D1Database;
  /** The static assets (worker/public), among them core's built-in policies (policies/built-in-policies.ts). */
  ASSETS: Fetcher;
  WRITE_BACK_QUEUE: Queue<WriteBackJob>;
  DEFAULT_POLICY_ID?: string;
  WRITE_BACK_MAX_ATTEMPTS?: string;
  /** Base of the queue's exponential backoff, in seconds. */
  WRITE_BACK_RETRY_BASE_SECONDS?: string;
  /** Base of the in-request retry of a host client, in milliseconds. */
  HOST_RETRY_BASE_MS?: string;
  /** Timeout of one host call, in milliseconds. */
  HOST_TIMEOUT_MS?: string;
  ADMIN_TOKEN?: string;
} & { readonly [name: string]: unknown };

export const positiveInt = (fallback: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().positive().default(fallback));
export const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined), z.string().optional());

/** Settings every host shares, read once per invocation from vars and secrets; absent ones take the defaults below. */
const settingsSchema = z.object({
  defaultPolicyId: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('peewah')),
  maxAttempts: positiveInt(6),
  retryBaseSeconds: positiveInt(5),
  hostRetryBaseMs: positiveInt(1000),
  hostTimeoutMs: positiveInt(10_000),
  adminToken: optionalText,
});
export type Settings = z.infer<typeof settingsSchema>;

/** Throws naming every malformed var: an operator's mistake, which must not run half-configured. */
export function parseEnv<T>(schema: z.ZodType<T>, values: Record<string, unknown>, what: string): T {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new Error(`invalid ${what} configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

export function readSettings(env: Env): Settings {
  return parseEnv(
    settingsSchema,
    {
      defaultPolicyId: env.DEFAULT_POLICY_ID,
      maxAttempts: env.WRITE_BACK_MAX_ATTEMPTS,
      retryBaseSeconds: env.WRITE_BACK_RETRY_BASE_SECONDS,
      hostRetryBaseMs: env.HOST_RETRY_BASE_MS,
      hostTimeoutMs: env.HOST_TIMEOUT_MS,
      adminToken: env.ADMIN_TOKEN,
    },
    'Worker',
  );
}
