import type { Env, Settings } from '../env.js';
import type { AnyHostAdapter, HostContext } from './host-adapter.js';

/** The adapter's own configuration, read from the environment now, with the shared call limits and the database. */
export function hostContext(adapter: AnyHostAdapter, env: Env, settings: Settings): HostContext<unknown> {
  return {
    config: adapter.readConfig(env),
    limits: { retryBaseMs: settings.hostRetryBaseMs, timeoutMs: settings.hostTimeoutMs },
    db: env.DB,
  };
}
