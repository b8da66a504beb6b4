import type { Issue } from '@plazo/core';
import type { AnyHostAdapter, HostContext, HostSession, StoredInstallation } from './host-adapter.js';
import { sharedHostSettingsSchema } from './shared-host-settings.js';

export type WriteMode =
  | { dryRun: false; session: HostSession<unknown, unknown> }
  | { dryRun: true; reason: Issue<'dry-run-setting' | 'missing-credentials'> };

/**
 * The one place that decides whether a write-back goes to the host: never when the installation's settings ask for a dry
 * run, else when the adapter connects with credentials; missing credentials are a dry run whose reason names them.
 */
export async function decideWriteMode(
  adapter: AnyHostAdapter,
  installation: StoredInstallation,
  ctx: HostContext<unknown>,
): Promise<WriteMode> {
  const own = sharedHostSettingsSchema.safeParse(installation.settings);
  if (own.success && own.data.dryRun === true)
    return { dryRun: true, reason: { code: 'dry-run-setting', detail: "the installation's settings ask for a dry run" } };
  const connected = await adapter.connect(installation, ctx);
  return connected.ok ? { dryRun: false, session: connected.value } : { dryRun: true, reason: connected.issue };
}
