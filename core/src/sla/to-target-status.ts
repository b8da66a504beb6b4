import type { TargetStatus } from '../evaluation/evaluation-schema.js';
import type { TargetClock } from './target-clock.js';

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
