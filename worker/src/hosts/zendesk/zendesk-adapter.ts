import { ok } from '@plazo/core';
import type { HostAdapter } from '../host-adapter.js';
import { connectZendesk } from './connect-zendesk.js';
import { describeZendeskFailure } from './describe-zendesk-failure.js';
import { parseZendeskDelivery } from './parse-zendesk-delivery.js';
import { planZendeskChanges, simulateZendeskDryRun, toldOnZendesk, type ZendeskChange } from './plan-zendesk-changes.js';
import { subdomainOfDeliveryId, verifyZendeskDelivery } from './verify-zendesk-delivery.js';
import { readZendeskConfig, type ZendeskConfig } from './zendesk-config.js';
import { readZendeskState, type ZendeskState, zendeskRefSchema } from './zendesk-facts.js';
import { mergeZendeskSettings, parseZendeskSettings, type ZendeskSettings } from './zendesk-settings.js';
import { toZendeskTicket } from './zendesk-ticket.js';

/** Zendesk Support: the priority, plazo_ tags, due-instant fields and one internal note, with the installation's API token. */
export const zendeskAdapter: HostAdapter<ZendeskConfig, ZendeskSettings, ZendeskState, ZendeskChange> = {
  host: 'zendesk',
  readConfig: readZendeskConfig,
  verify: verifyZendeskDelivery,
  parse: (meta, payload) => {
    // verify checked the body's account against the installation it found; the delivery id names that installation.
    const parsed = parseZendeskDelivery({ subdomain: subdomainOfDeliveryId(meta.id), accountId: null }, payload);
    return parsed.ok ? ok(parsed.value.effect) : parsed;
  },
  configuredSelfActors: () => [],
  connect: connectZendesk,
  parseSettings: parseZendeskSettings,
  mergeSettings: mergeZendeskSettings,
  toTicket: toZendeskTicket,
  plan: planZendeskChanges,
  simulate: simulateZendeskDryRun,
  readStoredState: readZendeskState,
  describeFailure: describeZendeskFailure,
  ticketLabel: (ticket) => {
    const ref = zendeskRefSchema.safeParse(ticket.ref);
    return ref.success ? `#${ref.data.ticketId}` : ticket.key;
  },
  toldCustomer: toldOnZendesk,
  countsTime: (time, settings) => time.source === `zendesk-field:${settings.timeTracking?.totalTimeFieldId}`,
};
