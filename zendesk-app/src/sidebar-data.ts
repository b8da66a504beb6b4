import type { Evaluation } from '@plazo/core';
import type { Messages } from './messages.js';
import { type ApiFailure, plazoApi, type ZendeskPriority } from './plazo-api.js';
import type { Engine } from './preview/plazo-engine.js';
import type { ZafTicketFields } from './preview/preview-ticket.js';
import type { ZafClient } from './zaf-client.js';

/** Everything the sidebar shows, from the Worker's stored evaluation or, for a ticket it has not seen, the browser preview. */
export type SidebarData = {
  source: 'worker' | 'preview';
  evaluation: Evaluation;
  hostPriority: ZendeskPriority | null;
  policyZone: string | null;
  /** Moves the countdown on without a network call; null when the policy could not be loaded. */
  engine: Engine | null;
};

export type SidebarLoad = { ok: true; data: SidebarData } | { ok: false; problem: string };

export type TicketContext = {
  plazoUrl: string;
  subdomain: string;
  fields: ZafTicketFields;
};

/** The ticket and settings the sidebar needs, read through ZAF in one round trip. */
export async function readTicketContext(client: ZafClient): Promise<TicketContext> {
  const [meta, got] = await Promise.all([
    client.metadata(),
    client.get(['ticket.id', 'ticket.subject', 'ticket.description', 'ticket.createdAt', 'currentAccount.subdomain']),
  ]);
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  return {
    plazoUrl: text(meta.settings.plazoUrl) ?? '',
    subdomain: text(got['currentAccount.subdomain']) ?? 'unknown',
    fields: {
      id: text(got['ticket.id']),
      subject: text(got['ticket.subject']),
      description: text(got['ticket.description']),
      createdAt: text(got['ticket.createdAt']),
    },
  };
}

function explain(failure: ApiFailure, plazoUrl: string, t: Messages): string {
  if (failure.kind === 'unreachable') return t.fix.unreachable(plazoUrl);
  if (failure.kind === 'unauthorized') return t.fix.unauthorized;
  if (failure.kind === 'misconfigured') return t.fix.misconfigured(failure.detail);
  return t.fix.misconfigured('not-seen');
}

let engineModule: Promise<typeof import('./preview/plazo-engine.js')> | undefined;

/** The engine chunk (core), fetched once; called at start-up so it loads while Zendesk registers the app. */
export function preloadEngine(): Promise<typeof import('./preview/plazo-engine.js')> {
  engineModule ??= import('./preview/plazo-engine.js');
  return engineModule;
}

/** The Worker's evaluation and the policy in parallel, with the engine chunk; a not-seen ticket is previewed in the browser. */
export async function loadSidebar(client: ZafClient, ctx: TicketContext, t: Messages, nowMs: () => number): Promise<SidebarLoad> {
  if (!/^https?:\/\//i.test(ctx.plazoUrl)) return { ok: false, problem: t.fix.noUrl };
  const api = plazoApi(client, ctx.plazoUrl);
  const ticketId = ctx.fields.id;
  const [stored, policy, engineModule] = await Promise.all([
    ticketId !== null && ticketId !== ''
      ? api.ticket(String(ticketId))
      : Promise.resolve({ ok: false as const, failure: { kind: 'not-seen' as const } }),
    api.policy(),
    preloadEngine(),
  ]);
  const engine = policy.ok ? engineModule.loadEngine(policy.value.policy) : null;
  if (engine && !engine.ok) return { ok: false, problem: t.fix.invalidPolicy(engine.issue.detail) };
  const readyEngine = engine?.ok ? engine.value : null;

  if (stored.ok) {
    return {
      ok: true,
      data: {
        source: 'worker',
        evaluation: stored.value.evaluation,
        hostPriority: stored.value.hostPriority,
        policyZone: stored.value.policy.zone,
        engine: readyEngine,
      },
    };
  }
  if (stored.failure.kind !== 'not-seen') return { ok: false, problem: explain(stored.failure, ctx.plazoUrl, t) };
  if (!policy.ok) return { ok: false, problem: explain(policy.failure, ctx.plazoUrl, t) };
  if (!readyEngine) return { ok: false, problem: t.fix.misconfigured('policy') };
  const evaluated = readyEngine.preview(ctx.subdomain, ctx.fields, nowMs());
  if (!evaluated.ok) return { ok: false, problem: t.fix.invalidPolicy(evaluated.issue.detail) };
  const priority = evaluated.value.priority;
  return {
    ok: true,
    data: {
      source: 'preview',
      evaluation: evaluated.value,
      hostPriority: priority ? (Object.hasOwn(policy.value.priorityMap, priority) ? policy.value.priorityMap[priority]! : null) : null,
      policyZone: readyEngine.policy.calendar?.zone ?? null,
      engine: readyEngine,
    },
  };
}
