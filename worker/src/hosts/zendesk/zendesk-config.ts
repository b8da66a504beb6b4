import * as z from 'zod';
import { type Env, optionalText, parseEnv } from '../../env.js';

const zendeskConfigSchema = z.object({
  /** The REST base; "{subdomain}" is replaced by the account's (tests and proxies point it elsewhere). */
  apiUrl: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z
      .string()
      .regex(/^https?:\/\/\S*\{subdomain\}\S*$/, 'must be a URL containing "{subdomain}"')
      .default('https://{subdomain}.zendesk.com'),
  ),
  /** Development only: deliveries signed with it go to the installation "zendesk:dev" (npm start, local curl). */
  devWebhookSecret: optionalText,
  /** base64 of 32 bytes: encrypts installations' secrets at rest. */
  credentialsKey: optionalText,
});
export type ZendeskConfig = z.infer<typeof zendeskConfigSchema>;

/** Zendesk's vars and secrets: ZENDESK_API_URL, ZENDESK_WEBHOOK_SECRET (development), CREDENTIALS_KEY. */
export function readZendeskConfig(env: Env): ZendeskConfig {
  return parseEnv(
    zendeskConfigSchema,
    { apiUrl: env.ZENDESK_API_URL, devWebhookSecret: env.ZENDESK_WEBHOOK_SECRET, credentialsKey: env.CREDENTIALS_KEY },
    'Zendesk',
  );
}
