import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { targetDurationMs } from '../deadline/target-duration-ms.js';
import type { SlaState, TargetName } from '../evaluation/evaluation-schema.js';
import type { Target } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';
import { clockSegments } from './clock-segments.js';

/** The policy's `sla` settings that move clocks; `atRiskRemainingRatio` defaults to 0.25 as in the policy schema. */
export type SlaSettings = {
  pauseStatuses: readonly string[];
  atRiskRemainingRatio?: number;
  /** Milestones an agent marks that meet targets without closing the ticket (the policy's `sla.milestones`). */
  milestones?: readonly { id: string; meets: readonly TargetName[] }[];
};

export type TargetClockInput = {
  name: TargetName;
  target: Target;
  /** Needed for business targets; null when the policy has no calendar. */
  calendar: BusinessCalendar | null;
  timeline: readonly TimelineEvent[];
  createdAtMs: number;
  /** When the clock starts, if not at creation (e.g. the next opening for an after-hours ticket). */
  startMs?: number;
  nowMs: number;
  settings: SlaSettings;
};

/** One target's clock at `nowMs`, in epoch ms of its own clock. */
export type TargetClock = {
  name: TargetName;
  clock: Target['clock'];
  targetMs: number;
  dueMs: number;
  state: SlaState;
  remainingMs: number;
  metAtMs: number | null;
  /** The milestone that met it, when one did. */
  metBy: string | null;
  nextThresholdMs: number | null;
};

export type TargetClockCode = 'needs-calendar' | 'outside-calendar';

/**
 * Where a target stands at `nowMs`. Counted time E(t) only grows while the clock runs; the due instant
 * is the earliest t with E(t) ≥ target. One comparison everywhere: the target is used up when
 * remaining ≤ 0, i.e. from the due instant on. So a running clock is breached at `now ≥ due`
 * (also overnight after a 17:00 deadline, when remaining stays 0), and a target met at `due` or
 * later is breached, not met (met late). At risk when 0 < remaining ≤ ratio × target.
 */
export function targetClock(input: TargetClockInput): Result<TargetClock, TargetClockCode> {
  const { name, target, calendar, nowMs } = input;
  const duration = targetDurationMs(target, calendar);
  if (!duration.ok) return duration;
  const targetMs = duration.value;
  const business = target.clock === 'business';
  if (business && !calendar) return fail('needs-calendar', `the ${name} target counts business time, which needs the policy calendar`);

  const count = (a: number, b: number): number => (business ? calendar!.businessTimeBetween(a, b) : b - a);
  const add = (from: number, ms: number): number => (business ? calendar!.addBusinessTime(from, ms) : from + ms);
  const outside = () => {
    const years = calendar ? ` (${calendar.fromYear}–${calendar.toYear})` : '';
    return fail('outside-calendar' as const, `the ${name} clock runs beyond the years the business calendar covers${years}`);
  };

  const clockStartMs = input.startMs ?? input.createdAtMs;
  const milestoneIds = (input.settings.milestones ?? []).filter((m) => m.meets.includes(name)).map((m) => m.id);
  const { segments, stoppedAtMs, pausedAtNow, metBy } = clockSegments(
    name,
    input.timeline,
    input.createdAtMs,
    clockStartMs,
    nowMs,
    input.settings.pauseStatuses,
    milestoneIds,
  );

  let counted = 0;
  let dueMs = Number.NaN;
  for (const [from, to] of segments) {
    const c = count(from, to);
    if (Number.isNaN(c)) return outside();
    if (Number.isNaN(dueMs) && counted + c >= targetMs) dueMs = add(from, targetMs - counted);
    counted += c;
  }
  const remaining = targetMs - counted;
  // Not used up yet: due as if the clock ran on from where it stands (from now while paused).
  if (Number.isNaN(dueMs)) dueMs = add(Math.max(stoppedAtMs ?? nowMs, clockStartMs), remaining);
  if (Number.isNaN(dueMs)) return outside();

  const riskMs = (input.settings.atRiskRemainingRatio ?? 0.25) * targetMs;
  const base = { name, clock: target.clock, targetMs, dueMs, metAtMs: stoppedAtMs, metBy };
  if (stoppedAtMs !== null) {
    return remaining > 0
      ? ok({ ...base, state: 'met', remainingMs: 0, nextThresholdMs: null })
      : ok({ ...base, state: 'breached', remainingMs: remaining, nextThresholdMs: null });
  }
  if (remaining <= 0) return ok({ ...base, state: 'breached', remainingMs: remaining, nextThresholdMs: null });
  if (pausedAtNow) return ok({ ...base, state: 'paused', remainingMs: remaining, nextThresholdMs: null });
  if (remaining <= riskMs) return ok({ ...base, state: 'at-risk', remainingMs: remaining, nextThresholdMs: dueMs });
  // Whole ms: the first instant at which remaining ≤ the at-risk share.
  const atRiskMs = add(Math.max(nowMs, clockStartMs), Math.ceil(remaining - riskMs));
  if (Number.isNaN(atRiskMs)) return outside();
  return ok({ ...base, state: 'running', remainingMs: remaining, nextThresholdMs: atRiskMs });
}
