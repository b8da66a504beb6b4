import { DateTime } from 'luxon';
import type { TargetName } from '../evaluation/evaluation-schema.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';
import { standingMilestone } from './standing-milestone.js';

/** The stretches [from, to) during which a target's clock ran up to `nowMs`, and what stopped it. */
export type ClockSegments = {
  segments: [number, number][];
  /** When the target was fulfilled (first public agent reply; solved), or null while it is not. */
  stoppedAtMs: number | null;
  /** Whether the clock is held by a pause status at `nowMs`. */
  pausedAtNow: boolean;
  /** The milestone that met the target (an action plan delivered), when one did rather than a reply or the solution. */
  metBy: string | null;
};

type TimedEvent = { ms: number; event: TimelineEvent };

/** Events up to `nowMs` in time order; ties keep the timeline's order (the host's order of record). */
function eventsUntil(timeline: readonly TimelineEvent[], nowMs: number): TimedEvent[] {
  const out: TimedEvent[] = [];
  for (const event of timeline) {
    const ms = DateTime.fromISO(event.at).toMillis();
    if (Number.isFinite(ms) && ms <= nowMs) out.push({ ms, event });
  }
  return out.sort((a, b) => a.ms - b.ms);
}

/**
 * Splits a ticket's life into the stretches that count for one target.
 * First response runs from the clock start until the first public agent reply (or until solved:
 * a ticket closed without a reply owes none). Resolution runs until solved, resumes when reopened,
 * and holds while the ticket is in a pause status (until another status, solved or reopened).
 * Time before `clockStartMs` never counts (after-hours tickets start at the next opening). A milestone among
 * `milestoneIds` still marked meets the target where it was marked, whatever comes after (it was delivered in time).
 */
export function clockSegments(
  name: TargetName,
  timeline: readonly TimelineEvent[],
  createdAtMs: number,
  clockStartMs: number,
  nowMs: number,
  pauseStatuses: readonly string[],
  milestoneIds: readonly string[] = [],
): ClockSegments {
  const raw: [number, number][] = [];
  let stoppedAtMs: number | null = null;
  let pausedAtNow = false;
  let metBy: string | null = null;
  const milestone = standingMilestone(timeline, milestoneIds, nowMs);
  const events = eventsUntil(timeline, milestone ? milestone.atMs : nowMs).filter(({ ms }) => !milestone || ms < milestone.atMs);

  if (name === 'firstResponse') {
    const stop = events.find(({ event: e }) => (e.type === 'reply' && e.public && e.byAgent) || e.type === 'solved');
    stoppedAtMs = stop ? stop.ms : null;
    if (stoppedAtMs === null && milestone) ({ atMs: stoppedAtMs, id: metBy } = milestone);
    raw.push([createdAtMs, stoppedAtMs ?? nowMs]);
  } else {
    let solved = false;
    let paused = false;
    let runningSince: number | null = createdAtMs;
    for (const { ms, event } of events) {
      const wasRunning = !solved && !paused;
      if (event.type === 'status') paused = pauseStatuses.includes(event.status);
      else if (event.type === 'solved') {
        solved = true;
        paused = false;
        stoppedAtMs = ms;
      } else if (event.type === 'reopened') {
        solved = false;
        paused = false;
        stoppedAtMs = null;
      }
      const running = !solved && !paused;
      if (wasRunning && !running && runningSince !== null) {
        raw.push([runningSince, ms]);
        runningSince = null;
      } else if (!wasRunning && running) runningSince = ms;
    }
    if (milestone && !solved) {
      stoppedAtMs = milestone.atMs;
      metBy = milestone.id;
    }
    if (runningSince !== null) raw.push([runningSince, stoppedAtMs ?? nowMs]);
    pausedAtNow = stoppedAtMs === null && paused;
  }

  const segments: [number, number][] = [];
  for (const [from, to] of raw) {
    const start = Math.max(from, clockStartMs);
    if (to > start) segments.push([start, to]);
  }
  return { segments, stoppedAtMs, pausedAtNow, metBy };
}
