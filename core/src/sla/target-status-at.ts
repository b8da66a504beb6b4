import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { zonedIsoWriter } from '../calendar/zoned-iso-writer.js';
import type { TargetStatus } from '../evaluation/evaluation-schema.js';

/**
 * A target's status at a later `nowMs`, from the status an evaluation gave and the policy's calendar, assuming nothing
 * happened to the ticket since (no reply, no status change): what a countdown shows between evaluations.
 * Met and paused clocks do not move by time; a running clock counts down to its due instant and turns at risk, then breached,
 * exactly where re-evaluating would. Pure; `calendar` is needed only for business clocks (null keeps the status as given).
 */
export function targetStatusAt(
  status: TargetStatus,
  calendar: BusinessCalendar | null,
  nowMs: number,
  atRiskRemainingRatio = 0.25,
): TargetStatus {
  const stopped = status.state === 'met' || status.state === 'paused' || status.metAt !== null;
  if (stopped) return status;
  const business = status.clock === 'business';
  if (business && !calendar) return status;
  const count = (a: number, b: number): number => (business ? calendar!.businessTimeBetween(a, b) : b - a);
  const add = (from: number, ms: number): number => (business ? calendar!.addBusinessTime(from, ms) : from + ms);
  const dueMs = Date.parse(status.dueAt);
  // Remaining is the clock's time from now to the due instant; past it, minus the clock's time since.
  // Capped at the target: a calendar clock that starts later (after-hours intake) has not begun counting.
  const remainingMs = nowMs < dueMs ? Math.min(count(nowMs, dueMs), status.targetMs) : -count(dueMs, nowMs);
  if (Number.isNaN(remainingMs)) return status;
  const iso = zonedIsoWriter(undefined, calendar);
  if (remainingMs <= 0) return { ...status, state: 'breached', remainingMs, nextThresholdAt: null };
  const riskMs = atRiskRemainingRatio * status.targetMs;
  if (remainingMs <= riskMs) return { ...status, state: 'at-risk', remainingMs, nextThresholdAt: status.dueAt };
  const fromMs = business ? nowMs : dueMs - remainingMs;
  const atRiskMs = add(fromMs, Math.ceil(remainingMs - riskMs));
  return { ...status, state: 'running', remainingMs, nextThresholdAt: Number.isNaN(atRiskMs) ? null : iso(atRiskMs) };
}
