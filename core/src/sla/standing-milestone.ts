import type { TimelineEvent } from '../ticket/ticket-schema.js';

/** The earliest milestone (of `ids`) still marked at `nowMs`, and since when; null when none is. */
export type StandingMilestone = { id: string; atMs: number } | null;

/**
 * A milestone counts from the first mark after its last unmark: one marked by mistake and unmarked never met anything,
 * so its clock counted all along. Events after `nowMs` have not happened yet.
 */
export function standingMilestone(timeline: readonly TimelineEvent[], ids: readonly string[], nowMs: number): StandingMilestone {
  if (ids.length === 0) return null;
  const since = new Map<string, number | null>();
  const events = timeline
    .filter((e): e is Extract<TimelineEvent, { type: 'milestone' }> => e.type === 'milestone' && ids.includes(e.milestone))
    .map((e) => ({ ms: Date.parse(e.at), e }))
    .filter(({ ms }) => Number.isFinite(ms) && ms <= nowMs)
    .sort((a, b) => a.ms - b.ms);
  for (const { ms, e } of events) {
    if (!e.reached) since.set(e.milestone, null);
    else if (since.get(e.milestone) == null) since.set(e.milestone, ms);
  }
  let best: StandingMilestone = null;
  for (const [id, atMs] of since) if (atMs != null && (best === null || atMs < best.atMs)) best = { id, atMs };
  return best;
}
