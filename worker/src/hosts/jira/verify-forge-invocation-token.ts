import { fail, ok, type Result } from '@plazo/core';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import * as z from 'zod';

/** Forge's issuer for every invocation token. */
export const FORGE_ISSUER = 'forge/invocation-token';

/** What Plazo reads from a verified Forge Invocation Token: whose installation called, and where its Jira answers. */
export type ForgeInvocation = {
  installationId: string;
  apiBaseUrl: string;
  principal: string | null;
  /** The UI module type that called (app.module.type, or context.extension.type: "jira:adminPage"); null for events and triggers. */
  uiModule: string | null;
};

const claimsSchema = z.object({
  app: z.object({
    installationId: z.string().min(1).max(300),
    apiBaseUrl: z.url({ protocol: /^https?$/ }).max(500),
    module: z.object({ type: z.string().max(200) }).optional(),
  }),
  context: z.object({ extension: z.object({ type: z.string().max(200).optional() }).optional() }).optional(),
  principal: z.string().max(200).optional(),
});

/**
 * One key set per JWKS URL (and cooldown) and isolate: jose caches the keys (10 min) and fetches again when a token names an
 * unknown kid, but not within the cooldown after its last fetch, so tokens with made-up kids cannot make a fetch storm.
 */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySetOf(url: string, cooldownMs: number | undefined): ReturnType<typeof createRemoteJWKSet> {
  const id = `${cooldownMs ?? 'default'} ${url}`;
  let keys = keySets.get(id);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { cooldownDuration: cooldownMs });
    keySets.set(id, keys);
  }
  return keys;
}

/**
 * Checks `Authorization: Bearer <FIT>` as Atlassian documents it: RS256 over a key from the JWKS, issuer, audience (the app's
 * ARI), expiry and not-before; then the claims Plazo needs. Without a configured app id nothing is accepted.
 */
export async function verifyForgeInvocationToken(
  authorization: string | null,
  options: { appId: string | undefined; jwksUrl: string; jwksCooldownMs?: number },
): Promise<Result<ForgeInvocation, 'missing-signature' | 'bad-signature' | 'stale-signature'>> {
  const token = /^Bearer\s+(\S{1,8192})\s*$/i.exec(authorization ?? '')?.[1];
  if (!token) return fail('missing-signature', 'Authorization: Bearer <Forge Invocation Token> is missing');
  if (!options.appId) return fail('bad-signature', 'JIRA_FORGE_APP_ID is not configured, so no invocation token can be verified');
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keySetOf(options.jwksUrl, options.jwksCooldownMs), {
      issuer: FORGE_ISSUER,
      audience: options.appId,
      algorithms: ['RS256'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return fail('stale-signature', 'the invocation token has expired');
    if (error instanceof errors.JWTClaimValidationFailed)
      return fail('bad-signature', `the invocation token's "${error.claim}" claim is not accepted (${error.reason})`);
    if (error instanceof errors.JOSEError) return fail('bad-signature', `the invocation token does not verify (${error.code})`);
    return fail('bad-signature', `the invocation token could not be verified: ${error instanceof Error ? error.message : String(error)}`);
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) return fail('bad-signature', 'the invocation token has no app.installationId and app.apiBaseUrl');
  const { app, principal, context } = claims.data;
  // Events and triggers come from the endpoint module itself (core:endpoint); UI calls name the module they came from.
  const moduleType = app.module?.type === 'core:endpoint' ? undefined : app.module?.type;
  return ok({
    installationId: app.installationId,
    apiBaseUrl: app.apiBaseUrl.replace(/\/+$/, ''),
    principal: principal ?? null,
    uiModule: context?.extension?.type ?? moduleType ?? null,
  });
}
