import type { Policy, Tier } from '../policy/policy-schema.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';

/** The tier agents escalated the ticket to, standing at `nowMs`, and since when. */
export type AgentEscalation = { tier: Tier; atMs: number };

/**
 * The last tier an agent set that is still set (a label or tag removed takes it back, revealing the one before); tiers the
 * policy does not have are skipped. Null when none stands: triage's tier holds.
 */
export function agentEscalation(policy: Policy, timeline: readonly TimelineEvent[], nowMs: number): AgentEscalation | null {
  const standing: { id: string; atMs: number }[] = [];
  const events = timeline
    .filter((e): e is Extract<TimelineEvent, { type: 'tier' }> => e.type === 'tier')
    .map((e) => ({ ms: Date.parse(e.at), e }))
    .filter(({ ms, e }) => Number.isFinite(ms) && ms <= nowMs && policy.tiers.some((t) => t.id === e.tier))
    .sort((a, b) => a.ms - b.ms);
  for (const { ms, e } of events) {
    const at = standing.findIndex((s) => s.id === e.tier);
    if (at >= 0) standing.splice(at, 1);
    if (e.set) standing.push({ id: e.tier, atMs: ms });
  }
  const last = standing.at(-1);
  const tier = last && policy.tiers.find((t) => t.id === last.id);
  return last && tier ? { tier, atMs: last.atMs } : null;
}
