import type { Zone } from 'luxon';

/**
 * A policy's open hours compiled into sorted, disjoint, half-open epoch-ms intervals [open, close)
 * over the supported years. Every method is a binary search plus arithmetic.
 * Instants outside `fromMs`–`toMs` have no answer: methods return NaN (isOpen returns false).
 */
export interface BusinessCalendar {
  /** The zone name luxon reads ("America/Bogota", "UTC-4"). */
  readonly zone: string;
  readonly luxonZone: Zone;
  /** Length of one open day in ms: N business days = N × openDayMs of business time. */
  readonly openDayMs: number;
  /** First and last instant the compiled intervals cover (local midnight of the first year, of the year after the last). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Number of compiled open intervals. */
  readonly intervalCount: number;
  /** Whether the instant is inside open hours; a closing instant is not (half-open). */
  isOpen(ms: number): boolean;
  /** The instant itself when open, else the next opening. */
  nextOpening(ms: number): number;
  /**
   * The earliest instant at which `durationMs` of business time has been counted from `startMs`
   * (so a duration used up at closing time is due at that closing instant). 0 gives `startMs`.
   */
  addBusinessTime(startMs: number, durationMs: number): number;
  /** Business time in [aMs, bMs); negative when bMs is before aMs. */
  businessTimeBetween(aMs: number, bMs: number): number;
}
