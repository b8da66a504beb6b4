import * as z from 'zod';
import { type Env, optionalText, parseEnv } from '../../env.js';

const githubConfigSchema = z.object({
  apiUrl: z.preprocess(
    (v) => (typeof v === 'string' && v !== '' ? v.replace(/\/+$/, '') : undefined),
    z.url().default('https://api.github.com'),
  ),
  /** The current secret, then the previous one while rotating: deliveries signed with either are accepted. */
  webhookSecrets: z.array(z.string()),
  appId: optionalText,
  /** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"); GitHub's PKCS#1 download converts with `openssl pkcs8 -topk8 -nocrypt`. */
  appPrivateKey: optionalText,
  /** The App's slug: its changes arrive from "<slug>[bot]" and are Plazo's own. */
  appSlug: optionalText,
  /** Personal token for single-repository setups (deliveries without an installation). */
  token: optionalText,
});
export type GitHubConfig = z.infer<typeof githubConfigSchema>;

/** GitHub's vars and secrets: GITHUB_API_URL, GITHUB_WEBHOOK_SECRET(_PREVIOUS), GITHUB_APP_ID/_PRIVATE_KEY/_SLUG, GITHUB_TOKEN. */
export function readGitHubConfig(env: Env): GitHubConfig {
  const secrets = [env.GITHUB_WEBHOOK_SECRET, env.GITHUB_WEBHOOK_SECRET_PREVIOUS].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  return parseEnv(
    githubConfigSchema,
    {
      apiUrl: env.GITHUB_API_URL,
      webhookSecrets: secrets,
      appId: env.GITHUB_APP_ID,
      appPrivateKey: env.GITHUB_APP_PRIVATE_KEY,
      appSlug: env.GITHUB_APP_SLUG,
      token: env.GITHUB_TOKEN,
    },
    'GitHub',
  );
}
