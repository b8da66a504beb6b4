import type { Zone } from 'luxon';
import { zonedIsoWriter } from '../calendar/zoned-iso-writer.js';
import type { TargetStatus } from '../evaluation/evaluation-schema.js';
import type { Result } from '../result.js';
import { type TargetClock, type TargetClockCode, type TargetClockInput, targetClock } from './target-clock.js';

/** A target clock as the evaluation shows it: instants as ISO 8601, written by `iso`. */
export function toTargetStatus(c: TargetClock, iso: (ms: number) => string): TargetStatus {
  return {
    target: c.name,
    clock: c.clock,
    targetMs: c.targetMs,
    dueAt: iso(c.dueMs),
    state: c.state,
    remainingMs: c.remainingMs,
    metAt: c.metAtMs === null ? null : iso(c.metAtMs),
    ...(c.metBy === null ? {} : { metBy: c.metBy }),
    nextThresholdAt: c.nextThresholdMs === null ? null : iso(c.nextThresholdMs),
  };
}

/** One target's SLA status at `nowMs`; instants in `zone`, else the calendar's zone, else UTC. */
export function computeTargetStatus(input: TargetClockInput & { zone?: Zone | string }): Result<TargetStatus, TargetClockCode> {
  const clock = targetClock(input);
  if (!clock.ok) return clock;
  return { ok: true, value: toTargetStatus(clock.value, zonedIsoWriter(input.zone, input.calendar)) };
}
