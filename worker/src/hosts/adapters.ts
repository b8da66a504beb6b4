import { githubAdapter } from './github/github-adapter.js';
import type { AnyHostAdapter, HostName } from './host-adapter.js';
import { jiraAdapter } from './jira/jira-adapter.js';
import { zendeskAdapter } from './zendesk/zendesk-adapter.js';

/** Every host Plazo serves; shared code looks adapters up here and never branches on a host's name. */
export const adapters: Readonly<Record<HostName, AnyHostAdapter>> = {
  github: githubAdapter,
  zendesk: zendeskAdapter,
  jira: jiraAdapter,
};

export function adapterFor(host: string): AnyHostAdapter | undefined {
  return Object.hasOwn(adapters, host) ? adapters[host as HostName] : undefined;
}
