import { DateTime } from 'luxon';
import type { TargetName } from '../evaluation/evaluation-schema.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';

/** The stretches [from, to) during which a target's clock ran up to `nowMs`, and what stopped it. */
export type ClockSegments = {
  segments: [number, number][];
  /** When the target was fulfilled (first public agent reply; solved), or null while it is not. */
  stoppedAtMs: number | null;
  /** Whether the clock is held by a pause status at `nowMs`. */
  pausedAtNow: boolean;
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
 * Time before `clockStartMs` never counts (after-hours tickets start at the next opening).
 */
export function clockSegments(
  name: TargetName,
  timeline: readonly TimelineEvent[],
  createdAtMs: number,
  clockStartMs: number,
  nowMs: number,
  pauseStatuses: readonly string[],
): ClockSegments {
  const raw: [number, number][] = [];
  let stoppedAtMs: number | null = null;
  let pausedAtNow = false;
  const events = eventsUntil(timeline, nowMs);

  if (name === 'firstResponse') {
    const stop = events.find(({ event: e }) => (e.type === 'reply' && e.public && e.byAgent) || e.type === 'solved');
    stoppedAtMs = stop ? stop.ms : null;
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
    if (runningSince !== null) raw.push([runningSince, nowMs]);
    pausedAtNow = !solved && paused;
  }

  const segments: [number, number][] = [];
  for (const [from, to] of raw) {
    const start = Math.max(from, clockStartMs);
    if (to > start) segments.push([start, to]);
  }
  return { segments, stoppedAtMs, pausedAtNow };
}
