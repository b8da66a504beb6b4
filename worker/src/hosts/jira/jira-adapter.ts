import type { HostAdapter } from '../host-adapter.js';
import { connectJira } from './connect-jira.js';
import { describeJiraFailure } from './describe-jira-failure.js';
import { type JiraConfig, readJiraConfig } from './jira-config.js';
import { type JiraState, jiraRefSchema, readJiraState } from './jira-facts.js';
import { type JiraSettings, jiraSettingsForScope, mergeJiraSettings, parseJiraSettings } from './jira-settings.js';
import { toJiraTicket } from './jira-ticket.js';
import { parseJiraDelivery } from './parse-jira-delivery.js';
import { type JiraChange, planJiraChanges, simulateJiraChanges, toldOnJira } from './plan-jira-changes.js';
import { sourceOfDeliveryId, verifyJiraDelivery } from './verify-jira-delivery.js';

/**
 * Jira Cloud, through the Forge app (events over Forge Remote, the app's system token) or admin webhooks (an API token): the
 * priority, two labels, the due date, the plazo-sla issue property and one comment kept up to date.
 */
export const jiraAdapter: HostAdapter<JiraConfig, JiraSettings, JiraState, JiraChange> = {
  host: 'jira',
  readConfig: readJiraConfig,
  verify: verifyJiraDelivery,
  // verify found whose delivery it is (the token's installation, or the site whose secret signed it); the id carries it.
  parse: (meta, payload) => parseJiraDelivery(sourceOfDeliveryId(meta.id), payload),
  configuredSelfActors: () => [],
  // Jira Service Management's organisations live in a custom field the events do not carry: history rules use the reporter.
  noOrganizations: 'Jira issues name no customer organisation',
  connect: connectJira,
  parseSettings: parseJiraSettings,
  mergeSettings: mergeJiraSettings,
  settingsForScope: jiraSettingsForScope,
  toTicket: toJiraTicket,
  plan: planJiraChanges,
  simulate: simulateJiraChanges,
  readStoredState: readJiraState,
  describeFailure: describeJiraFailure,
  toldCustomer: toldOnJira,
  ticketLabel: (ticket) => {
    const ref = jiraRefSchema.safeParse(ticket.ref);
    return ref.success ? ref.data.issueKey : ticket.key;
  },
  // Forge product events carry no description: the write-back's read of the issue brings it.
  ticketText: (state) => (state.description === null ? null : { body: state.description }),
};
