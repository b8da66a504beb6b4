import type { HostAdapter } from '../host-adapter.js';
import { describeGitHubFailure } from './describe-github-failure.js';
import { type GitHubConfig, readGitHubConfig } from './github-config.js';
import { type GitHubState, githubRefSchema, readGitHubState } from './github-facts.js';
import { connectGitHub } from './github-session.js';
import { type GitHubSettings, mergeGitHubSettings, parseGitHubSettings } from './github-settings.js';
import { toGitHubTicket } from './github-ticket.js';
import { parseGitHubDelivery } from './parse-github-delivery.js';
import { type GitHubChange, planGitHubChanges, toldOnGitHub } from './plan-github-changes.js';
import { simulateGitHubDryRun } from './simulate-github-changes.js';
import { verifyGitHubDelivery } from './verify-github-delivery.js';

/** GitHub Issues: labels and one comment, as a GitHub App or with a personal token. */
export const githubAdapter: HostAdapter<GitHubConfig, GitHubSettings, GitHubState, GitHubChange> = {
  host: 'github',
  readConfig: readGitHubConfig,
  verify: verifyGitHubDelivery,
  parse: parseGitHubDelivery,
  configuredSelfActors: (config) => (config.appSlug ? [`${config.appSlug}[bot]`] : []),
  connect: connectGitHub,
  parseSettings: parseGitHubSettings,
  mergeSettings: mergeGitHubSettings,
  toTicket: toGitHubTicket,
  plan: planGitHubChanges,
  simulate: simulateGitHubDryRun,
  readStoredState: readGitHubState,
  describeFailure: (error) => describeGitHubFailure(error),
  ticketLabel: (ticket) => {
    const ref = githubRefSchema.safeParse(ticket.ref);
    return ref.success ? `${ref.data.owner}/${ref.data.repo}#${ref.data.number}` : ticket.key;
  },
  noOrganizations: 'GitHub issues name no customer organisation',
  toldCustomer: toldOnGitHub,
};
