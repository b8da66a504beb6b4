import type { Zone } from 'luxon';

/**
 * A policy's open hours as sorted, disjoint, half-open epoch-ms intervals [open, close). Every method is a
 * binary search plus arithmetic over the years compiled so far; an instant in a year not compiled yet
 * (but within `fromYear`–`toYear`) compiles the years up to it first, once.
 * Instants outside `fromMs`–`toMs` have no answer: methods return NaN (isOpen returns false).
 */
export interface BusinessCalendar {
  /** The zone name luxon reads ("America/Bogota", "UTC-4"). */
  readonly zone: string;
  readonly luxonZone: Zone;
  /** Length of one open day in ms: N business days = N × openDayMs of business time. */
  readonly openDayMs: number;
  /** The years the calendar answers for (1970–2100 unless compiled for fewer). */
  readonly fromYear: number;
  readonly toYear: number;
  /** First and last instant the calendar answers for: local midnight of 1 January of fromYear, of the year after toYear. */
  readonly fromMs: number;
  readonly toMs: number;
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
  /** The zone's offset from UTC in minutes at an instant (from the compiled offset changes: no Intl call). */
  offsetAt(ms: number): number;
  /** The instant as ISO 8601 in the calendar's zone, exactly as luxon's toISO({ suppressMilliseconds: true }) writes it. */
  toIso(ms: number): string;
}
