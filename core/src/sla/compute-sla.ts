import type { Zone } from 'luxon';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { zonedIsoWriter } from '../calendar/zoned-iso-writer.js';
import type { TargetName, TargetStatus } from '../evaluation/evaluation-schema.js';
import type { Target } from '../policy/policy-schema.js';
import { ok, type Result } from '../result.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';
import { type SlaSettings, type TargetClockCode, targetClock } from './target-clock.js';
import { toTargetStatus } from './to-target-status.js';

export type ComputeSlaInput = {
  calendar: BusinessCalendar | null;
  /** The targets for the ticket's priority (null when it has none or is excluded). */
  targets: { firstResponse: Target | null; resolution: Target | null };
  timeline: readonly TimelineEvent[];
  createdAtMs: number;
  /** When the clocks start if not at creation (after-hours tickets: the next opening). */
  startMs?: number;
  /** Per target, a later start than `startMs` (an agent's estimate runs from when it was given). */
  starts?: Partial<Record<TargetName, number>>;
  nowMs: number;
  settings: SlaSettings;
  /** Zone of the ISO instants; defaults to the calendar's (written from its compiled offsets), else UTC. */
  zone?: Zone | string;
};

export type Sla = {
  firstResponse: TargetStatus | null;
  resolution: TargetStatus | null;
  /** Earliest next threshold of either target: when re-evaluating could change a state. */
  nextCheckAt: string | null;
};

/** Both targets' SLA status at `nowMs`, and when to look again. */
export function computeSla(input: ComputeSlaInput): Result<Sla, TargetClockCode> {
  const iso = zonedIsoWriter(input.zone, input.calendar);
  const out: Sla = { firstResponse: null, resolution: null, nextCheckAt: null };
  let next = Number.POSITIVE_INFINITY;
  for (const name of ['firstResponse', 'resolution'] as const) {
    const target = input.targets[name];
    if (!target) continue;
    const clock = targetClock({ ...input, name, target, startMs: input.starts?.[name] ?? input.startMs });
    if (!clock.ok) return clock;
    out[name] = toTargetStatus(clock.value, iso);
    if (clock.value.nextThresholdMs !== null) next = Math.min(next, clock.value.nextThresholdMs);
  }
  if (Number.isFinite(next)) out.nextCheckAt = iso(next);
  return ok(out);
}
