import type { Zone } from 'luxon';
import { toZonedIso } from '../calendar/to-zoned-iso.js';
import type { TargetStatus } from '../evaluation/evaluation-schema.js';
import type { Result } from '../result.js';
import { targetClock, type TargetClock, type TargetClockCode, type TargetClockInput } from './target-clock.js';

/** A target clock as the evaluation shows it: instants as ISO 8601 in the policy's zone. */
export function toTargetStatus(c: TargetClock, zone: Zone | string): TargetStatus {
  return {
    target: c.name,
    clock: c.clock,
    targetMs: c.targetMs,
    dueAt: toZonedIso(c.dueMs, zone),
    state: c.state,
    remainingMs: c.remainingMs,
    metAt: c.metAtMs === null ? null : toZonedIso(c.metAtMs, zone),
    nextThresholdAt: c.nextThresholdMs === null ? null : toZonedIso(c.nextThresholdMs, zone),
  };
}

/** One target's SLA status at `nowMs`; `zone` defaults to the calendar's, else UTC. */
export function computeTargetStatus(input: TargetClockInput & { zone?: Zone | string }): Result<TargetStatus, TargetClockCode> {
  const clock = targetClock(input);
  if (!clock.ok) return clock;
  return { ok: true, value: toTargetStatus(clock.value, input.zone ?? input.calendar?.luxonZone ?? 'UTC') };
}
