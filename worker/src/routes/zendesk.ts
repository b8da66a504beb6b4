import type { Policy } from '@plazo/core';
import { Hono } from 'hono/tiny';
import * as z from 'zod';
import { type Env, readSettings } from '../env.js';
import { decideWriteMode } from '../hosts/decide-write-mode.js';
import { hostContext } from '../hosts/host-context.js';
import { zendeskAdapter } from '../hosts/zendesk/zendesk-adapter.js';
import { zendeskPriorityMap } from '../hosts/zendesk/zendesk-priority-map.js';
import { parseZendeskSettings, type ZendeskSettings } from '../hosts/zendesk/zendesk-settings.js';
import { limitBody } from '../http/body-limit.js';
import { type InstallationVariables, requireInstallation } from '../http/installation-auth.js';
import { problem } from '../http/problem.js';
import { readRequest } from '../http/read-request.js';
import { findInstallationPolicy } from '../policies/find-installation-policy.js';
import { preparePolicyUpload } from '../policies/prepare-policy-upload.js';
import { apiTokenSetupShape, apiTokenSetupState, apiTokenSetupStatements } from '../store/api-token-setup.js';
import { getTicket } from '../store/tickets.js';

const setupSchema = z.strictObject({
  ...apiTokenSetupShape,
  settings: z.unknown().optional(),
  /** The installation's own policy (core's policy schema, an id that is not a built-in's); `settings.policy` selects it by id. */
  policyDocument: z.unknown().optional(),
});

function settingsOf(raw: unknown): ZendeskSettings {
  const parsed = parseZendeskSettings(raw);
  return parsed.ok ? parsed.value : {};
}

async function policyOf(settings: ZendeskSettings, env: Env, installationKey: string): Promise<Policy | null> {
  const found = await findInstallationPolicy(env, installationKey, settings.policy ?? readSettings(env).defaultPolicyId);
  return found.ok ? found.value : null;
}

/** The sidebar's endpoints under /api/v1/zendesk; the installation token decides whose data a call reaches. */
export const zendeskRoutes = new Hono<{ Bindings: Env; Variables: InstallationVariables }>()
  .use('*', requireInstallation('zendesk'))
  .get('/tickets/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,20}$/.test(id)) return problem(c, 400, { code: 'invalid-id', detail: 'the ticket id must be a Zendesk ticket number' });
    const installation = c.get('installation');
    const ticket = await getTicket(c.env.DB, `${installation.key}:${id}`);
    if (!ticket?.evaluation || ticket.installationKey !== installation.key)
      return problem(c, 404, { code: 'not-seen', detail: `Plazo has not evaluated ticket ${id} yet; preview it in the browser` });
    const settings = settingsOf(installation.settings);
    const found = await findInstallationPolicy(c.env, installation.key, ticket.policyId ?? '');
    if (!found.ok) return problem(c, 503, { code: 'misconfigured', detail: `the ticket's policy "${ticket.policyId}" is not available` });
    const policy = found.value;
    const priority = ticket.evaluation.priority;
    return c.json({
      ticket: { key: ticket.key, status: ticket.status },
      evaluation: ticket.evaluation,
      policy: { id: policy.id, name: policy.name, locale: policy.locale, zone: policy.calendar?.zone ?? null },
      hostPriority: priority ? (zendeskPriorityMap(policy, settings).get(priority) ?? null) : null,
    });
  })
  .get('/policy', async (c) => {
    const installation = c.get('installation');
    const settings = settingsOf(installation.settings);
    const policy = await policyOf(settings, c.env, installation.key);
    if (!policy)
      return problem(c, 503, { code: 'misconfigured', detail: `the installation's policy "${settings.policy}" is not available` });
    // The browser's countdown and preview read the threshold from this document: the installation's, as the Worker evaluates.
    const ratio = settings.atRiskRemainingRatio ?? policy.sla.atRiskRemainingRatio;
    const effective = { ...policy, sla: { ...policy.sla, atRiskRemainingRatio: ratio } };
    return c.json({ policy: effective, priorityMap: Object.fromEntries(zendeskPriorityMap(policy, settings)) });
  })
  .get('/setup', async (c) => {
    const installation = c.get('installation');
    const mode = await decideWriteMode(zendeskAdapter, installation, hostContext(zendeskAdapter, c.env, readSettings(c.env)));
    return c.json({ ...(await apiTokenSetupState(c.env.DB, installation.key)), dryRun: mode.dryRun });
  })
  .post('/setup', limitBody, async (c) => {
    const installation = c.get('installation');
    const request = readRequest(new Uint8Array(await c.req.arrayBuffer()), setupSchema);
    if (!request.ok) return problem(c, 400, request.issue);
    const body = request.value;
    const settings = body.settings === undefined ? null : parseZendeskSettings(body.settings);
    if (settings && !settings.ok) return problem(c, 400, settings.issue);
    const now = Date.now();
    // The policy the settings select once this request is applied: the new settings', else the stored ones'.
    const selected = settings?.ok ? settings.value.policy : settingsOf(installation.settings).policy;
    const upload =
      body.policyDocument === undefined ? null : await preparePolicyUpload(c.env, installation.key, body.policyDocument, selected, now);
    if (upload && !upload.ok) {
      const problems = (upload.issue.problems ?? []).map((p) => ({
        ...p,
        path: p.path === '(root)' ? 'policyDocument' : `policyDocument.${p.path}`,
      }));
      return problem(c, 400, { ...upload.issue, problems });
    }
    if (settings?.ok && settings.value.policy !== undefined && settings.value.policy !== upload?.value.policy.id) {
      const policy = await findInstallationPolicy(c.env, installation.key, settings.value.policy);
      if (!policy.ok) return problem(c, 400, { ...policy.issue, problems: [{ path: 'settings.policy', message: policy.issue.detail }] });
    }
    const secrets = await apiTokenSetupStatements(
      c.env.DB,
      readZendeskCredentialsKey(c.env),
      installation.key,
      body,
      settings?.ok ? settings.value : undefined,
      now,
    );
    if (!secrets.ok) return problem(c, 503, secrets.issue);
    const statements = upload?.ok ? [upload.value.statement, ...secrets.value] : secrets.value;
    // Secrets, the policy and settings land together or not at all.
    if (statements.length > 0) await c.env.DB.batch(statements);
    return c.json(await apiTokenSetupState(c.env.DB, installation.key));
  });

function readZendeskCredentialsKey(env: Env): string | undefined {
  return zendeskAdapter.readConfig(env).credentialsKey;
}
