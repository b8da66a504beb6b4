import type { Issue } from '@plazo/core';
import type { Env } from '../env.js';
import type { AnyHostAdapter, DeliveryEffect, DeliveryMeta } from '../hosts/host-adapter.js';
import { deliverySeen, insertDelivery, isDuplicateDelivery } from '../store/deliveries.js';
import { getInstallation, upsertInstallation } from '../store/installations.js';
import {
  bumpVersion,
  copyFacts,
  insertFacts,
  pauseInstallationTickets,
  retireScopes,
  retireTicket,
  upsertTicket,
} from '../store/tickets.js';
import { insertTimeEntries } from '../store/time-entries.js';

/**
 * Most facts (comments, label or tag changes, closes) one delivery may carry: a host reports a change or two per
 * delivery, or a new ticket's labels (GitHub: at most 100). More is refused whole, before anything is stored.
 */
export const MAX_FACTS_PER_DELIVERY = 100;

export type DeliveryOutcome =
  | { status: 'accepted' | 'duplicate' | 'ignored'; detail: string; ticket?: string }
  | { status: 'refused'; issue: Issue<'too-many-facts'> };

/** Deliveries made by Plazo itself (the user it writes as) must not trigger it again. */
async function isOwnChange(db: D1Database, adapter: AnyHostAdapter, config: unknown, effect: DeliveryEffect): Promise<boolean> {
  if (!('actor' in effect) || !effect.actor) return false;
  const actor = effect.actor.toLowerCase();
  if (adapter.configuredSelfActors(config).some((a) => a.toLowerCase() === actor)) return true;
  const installation = await getInstallation(db, effect.installation.key);
  return installation?.selfActor?.toLowerCase() === actor;
}

/** The delivery's time entries that the installation's stored settings count (a new installation's: the defaults). */
async function timeStatements(
  db: D1Database,
  adapter: AnyHostAdapter,
  effect: Extract<DeliveryEffect, { kind: 'ticket' | 'time' }>,
): Promise<D1PreparedStatement[]> {
  if (!effect.time?.length) return [];
  const stored = await getInstallation(db, effect.installation.key);
  const settings = adapter.parseSettings(stored?.settings ?? {});
  const counted = effect.time.filter((t) => !adapter.countsTime || (settings.ok && adapter.countsTime(t, settings.value)));
  const ticketKey = effect.kind === 'ticket' ? effect.ticket.key : effect.ticketKey;
  return counted.length > 0 ? [insertTimeEntries(db, ticketKey, effect.installation.key, counted)] : [];
}

/** Stores a valid delivery in one D1 batch keyed by its delivery id (a redelivery changes nothing), then queues the write-back. */
export async function acceptDelivery(
  env: Env,
  adapter: AnyHostAdapter,
  config: unknown,
  meta: DeliveryMeta,
  effect: DeliveryEffect,
  nowMs: number,
): Promise<DeliveryOutcome> {
  if (effect.kind === 'ignore') return { status: 'ignored', detail: effect.reason };
  if (effect.kind === 'ticket' && effect.facts.length > MAX_FACTS_PER_DELIVERY) {
    const detail = `the delivery carries ${effect.facts.length} facts (labels, comments, state changes); at most ${MAX_FACTS_PER_DELIVERY} are accepted`;
    return { status: 'refused', issue: { code: 'too-many-facts', detail } };
  }
  const db = env.DB;
  if (await isOwnChange(db, adapter, config, effect)) return { status: 'ignored', detail: "Plazo's own change" };
  if (await deliverySeen(db, adapter.host, meta.id)) return { status: 'duplicate', detail: `delivery ${meta.id} was already processed` };

  let ticketKey: string | null = null;
  const statements: D1PreparedStatement[] = [];
  switch (effect.kind) {
    case 'ticket':
      ticketKey = effect.ticket.key;
      statements.push(
        upsertInstallation(db, effect.installation, nowMs),
        upsertTicket(db, adapter.host, effect.ticket, nowMs),
        ...(effect.facts.length > 0 ? [insertFacts(db, effect.ticket.key, effect.facts)] : []),
        ...(await timeStatements(db, adapter, effect)),
        bumpVersion(db, effect.ticket.key, nowMs),
      );
      break;
    case 'move-ticket':
      ticketKey = effect.ticket.key;
      statements.push(
        upsertInstallation(db, effect.installation, nowMs),
        upsertTicket(db, adapter.host, effect.ticket, nowMs),
        copyFacts(db, effect.fromKey, effect.ticket.key),
        retireTicket(db, effect.fromKey, nowMs),
        bumpVersion(db, effect.ticket.key, nowMs),
      );
      break;
    case 'time':
      // Reports join the ticket when it is stored (before or after): nothing here changes a deadline, so no write-back.
      statements.push(upsertInstallation(db, effect.installation, nowMs), ...(await timeStatements(db, adapter, effect)));
      break;
    case 'retire-ticket':
      statements.push(upsertInstallation(db, effect.installation, nowMs), retireTicket(db, effect.ticketKey, nowMs));
      break;
    case 'installation':
      statements.push(upsertInstallation(db, effect.installation, nowMs, effect.active));
      if (!effect.active) statements.push(pauseInstallationTickets(db, effect.installation.key));
      if (effect.retireScopes.length > 0) statements.push(retireScopes(db, effect.installation.key, effect.retireScopes, nowMs));
      break;
  }
  statements.unshift(insertDelivery(db, { host: adapter.host, id: meta.id, event: meta.event, ticketKey }, nowMs));

  let results: D1Result<{ version?: number }>[];
  try {
    results = await db.batch<{ version?: number }>(statements);
  } catch (error) {
    // The same delivery arriving twice at once: the second batch hits the primary key and rolls back.
    if (isDuplicateDelivery(error)) return { status: 'duplicate', detail: `delivery ${meta.id} was already processed` };
    throw error;
  }
  const version = ticketKey ? results.at(-1)?.results[0]?.version : undefined;
  if (ticketKey && version !== undefined) {
    try {
      await env.WRITE_BACK_QUEUE.send({ ticketKey, version, evaluateAt: nowMs, reason: 'delivery' });
    } catch (error) {
      // Stored already: the cron's safety check picks the ticket up within minutes.
      console.error('could not queue the write-back', ticketKey, error);
    }
  }
  return { status: 'accepted', detail: `${meta.event} stored`, ...(ticketKey ? { ticket: ticketKey } : {}) };
}
