import type { Zone } from 'luxon';
import type { CalendarSpec } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';
import type { BusinessCalendar } from './business-calendar.js';
import { compileZoneOffsets, intlOffsetReader, type ZoneOffsets } from './compile-zone-offsets.js';
import { isoWithOffset } from './iso-with-offset.js';
import { holidayYears, publicHolidays } from './public-holidays.js';
import { resolveZone } from './resolve-zone.js';

export type CompileCalendarCode =
  | 'unknown-zone'
  | 'unknown-country'
  | 'year-out-of-range'
  | 'invalid-date'
  | 'invalid-hours'
  | 'no-open-hours';

/** Years to compile. */
export type CalendarRange = { fromYear: number; toYear: number };

const DAY_MS = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const clockTime = /^(\d{2}):(\d{2})$/;

/** Minutes since local midnight, or NaN; "24:00" is the end of the day. */
function minutesOf(hhmm: string): number {
  const m = clockTime.exec(hhmm);
  if (!m) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return Number.NaN;
  return h * 60 + min;
}

/** Days since 1970-01-01 of a real 'YYYY-MM-DD' date, or NaN. */
function dayNumberOf(d: string): number {
  const m = isoDate.exec(d);
  if (!m) return Number.NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === d ? t / DAY_MS : Number.NaN;
}

/** Union of one weekday's intervals, in minutes, sorted and merged. */
function mergeMinutes(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [o, c] of sorted) {
    const last = out[out.length - 1];
    if (last && o <= last[1]) last[1] = Math.max(last[1], c);
    else out.push([o, c]);
  }
  return out;
}

/** Largest i with a[i] <= x in a sorted array, or -1. */
function lastAtOrBefore(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A calendar spec checked and reduced to what compiling a span of years needs. */
type Recipe = {
  zone: Zone;
  /** Per ISO weekday (1 = Monday … 7 = Sunday), the merged open intervals in minutes since midnight. */
  week: [number, number][][];
  country: string | undefined;
  /** Admin-added closed days and removed holidays, as days since 1970-01-01. */
  added: ReadonlySet<number>;
  removed: ReadonlySet<number>;
};

/** The open intervals of a span of whole years, with the zone's offsets over it. */
type Span = {
  fromYear: number;
  toYear: number;
  fromMs: number;
  toMs: number;
  opens: Float64Array;
  closes: Float64Array;
  /** cumEnd[i]: business time from fromMs to closes[i]; cumEnd[i] - (closes[i] - opens[i]) is the time before opens[i]. */
  cumEnd: Float64Array;
  offsets: ZoneOffsets;
};

function compileSpan(recipe: Recipe, fromYear: number, toYear: number): Span {
  const closed = new Set<number>(recipe.added);
  if (recipe.country !== undefined) {
    const holidays = publicHolidays(recipe.country, fromYear, toYear);
    // The country and years were checked when the recipe was made.
    if (!holidays.ok) throw new Error(holidays.issue.detail);
    for (const d of holidays.value) {
      const day = Date.parse(d) / DAY_MS;
      if (!recipe.removed.has(day)) closed.add(day);
    }
  }
  const firstCivil = Date.UTC(fromYear, 0, 1);
  const endCivil = Date.UTC(toYear + 1, 0, 1);
  const offsets = compileZoneOffsets(recipe.zone, firstCivil, endCivil);
  const toEpoch = offsets.toEpoch;
  const opens: number[] = [];
  const closes: number[] = [];
  for (let civil = firstCivil; civil < endCivil; civil += DAY_MS) {
    const day = civil / DAY_MS;
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const intervals = recipe.week[((((day + 3) % 7) + 7) % 7) + 1]!;
    if (intervals.length === 0 || closed.has(day)) continue;
    for (const [o, c] of intervals) {
      const open = toEpoch(civil + o * 60_000);
      const close = toEpoch(civil + c * 60_000);
      if (!(close > open)) continue; // a wall-clock interval swallowed by a DST change
      const last = closes.length - 1;
      // Back-to-back intervals (e.g. 24/7, or Monday 24:00 = Tuesday 00:00) are one: no closing instant between them.
      if (last >= 0 && open <= closes[last]!) closes[last] = Math.max(closes[last]!, close);
      else {
        opens.push(open);
        closes.push(close);
      }
    }
  }
  const cumEnd = new Float64Array(opens.length);
  let sum = 0;
  for (let i = 0; i < opens.length; i++) {
    sum += closes[i]! - opens[i]!;
    cumEnd[i] = sum;
  }
  return {
    fromYear,
    toYear,
    fromMs: toEpoch(firstCivil),
    toMs: toEpoch(endCivil),
    opens: Float64Array.from(opens),
    closes: Float64Array.from(closes),
    cumEnd,
    offsets,
  };
}

/** The decade a year falls in: 2026 → 2020. */
const decadeOf = (year: number) => year - (((year % 10) + 10) % 10);

/**
 * A calendar that compiles whole decades as instants need them: the decade of the first instant asked
 * about (so a process that only sees 2026 compiles 2020–2029), then the decades between it and any
 * other instant asked about, or the next one when a deadline runs past the last.
 */
class CompiledCalendar implements BusinessCalendar {
  readonly zone: string;
  readonly luxonZone: Zone;
  readonly fromMs: number;
  readonly toMs: number;
  // The compiled span only grows, and every answer within it is the same whatever its size: the calendar stays a value.
  private span: Span | null = null;
  private readOffset: ((ms: number) => number) | null = null;

  constructor(
    private readonly recipe: Recipe,
    readonly openDayMs: number,
    readonly fromYear: number,
    readonly toYear: number,
    eager: boolean,
  ) {
    this.zone = recipe.zone.name;
    this.luxonZone = recipe.zone;
    const localMidnight = (wallMs: number) => compileZoneOffsets(recipe.zone, wallMs, wallMs).toEpoch(wallMs);
    this.fromMs = localMidnight(Date.UTC(fromYear, 0, 1));
    this.toMs = localMidnight(Date.UTC(toYear + 1, 0, 1));
    if (eager) this.span = compileSpan(recipe, fromYear, toYear);
  }

  /** Compiles the decades from `fromYear`'s to `toYear`'s as well (within the calendar's years). */
  private widen(fromYear: number, toYear: number): void {
    const span = this.span;
    const from = Math.max(this.fromYear, Math.min(span?.fromYear ?? Infinity, decadeOf(fromYear)));
    const to = Math.min(this.toYear, Math.max(span?.toYear ?? -Infinity, decadeOf(toYear) + 9));
    if (!span || from < span.fromYear || to > span.toYear) this.span = compileSpan(this.recipe, from, to);
  }

  /** Whether the instant is within the calendar's years, compiling its decade first when it is not compiled yet. */
  private covers(ms: number): boolean {
    const span = this.span;
    if (span && ms >= span.fromMs && ms <= span.toMs) return true;
    if (!(ms >= this.fromMs && ms <= this.toMs)) return false;
    // A day either side: the instant's local year may differ from its UTC year.
    this.widen(new Date(ms - DAY_MS).getUTCFullYear(), new Date(ms + DAY_MS).getUTCFullYear());
    return true;
  }

  /** Compiles the next decade; false when the calendar's last year is compiled already. */
  private widenForward(): boolean {
    const span = this.span!;
    if (span.toYear >= this.toYear) return false;
    this.widen(span.toYear + 1, span.toYear + 1);
    return true;
  }

  /** Business time from the span's start to a covered instant. */
  private position(ms: number): number {
    const { opens, closes, cumEnd } = this.span!;
    const i = lastAtOrBefore(opens, ms);
    if (i < 0) return 0;
    const open = opens[i]!;
    const close = closes[i]!;
    return cumEnd[i]! - (close - open) + (ms < close ? ms - open : close - open);
  }

  isOpen(ms: number): boolean {
    if (!this.covers(ms)) return false;
    const { opens, closes } = this.span!;
    const i = lastAtOrBefore(opens, ms);
    return i >= 0 && ms < closes[i]!;
  }

  nextOpening(ms: number): number {
    if (!this.covers(ms)) return Number.NaN;
    for (;;) {
      const { opens, closes } = this.span!;
      const i = lastAtOrBefore(opens, ms);
      if (i >= 0 && ms < closes[i]!) return ms;
      if (i + 1 < opens.length) return opens[i + 1]!;
      if (!this.widenForward()) return Number.NaN;
    }
  }

  addBusinessTime(startMs: number, durationMs: number): number {
    if (!(durationMs >= 0) || !this.covers(startMs)) return Number.NaN;
    if (durationMs === 0) return startMs;
    for (;;) {
      const target = this.position(startMs) + durationMs;
      const { closes, cumEnd: cum } = this.span!;
      const n = cum.length;
      if (n > 0 && target <= cum[n - 1]!) {
        // Smallest i whose interval ends at or after the target: the earliest instant reaching it (a close when equal).
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cum[mid]! >= target) hi = mid;
          else lo = mid + 1;
        }
        return closes[lo]! - (cum[lo]! - target);
      }
      if (!this.widenForward()) return Number.NaN;
    }
  }

  businessTimeBetween(aMs: number, bMs: number): number {
    if (!this.covers(aMs) || !this.covers(bMs)) return Number.NaN;
    return this.position(bMs) - this.position(aMs);
  }

  offsetAt(ms: number): number {
    if (this.span) return this.span.offsets.offsetAt(ms);
    this.readOffset ??= intlOffsetReader(this.luxonZone);
    return this.readOffset(ms);
  }

  toIso(ms: number): string {
    return isoWithOffset(ms, this.offsetAt(ms), this.luxonZone.isUniversal);
  }
}

/**
 * Compiles a policy calendar: weekly wall-clock intervals in its zone, minus the country's public
 * holidays (plus the admin's `add`, minus `remove`), as epoch-ms intervals. Without `range` it answers
 * for every year whose holidays ship (1970–2100), compiling each decade when an instant first needs it
 * (a decade takes 1–5 ms); with `range` it answers for those years only, compiled now.
 */
export function compileCalendar(spec: CalendarSpec, range?: CalendarRange): Result<BusinessCalendar, CompileCalendarCode> {
  const zoneResult = resolveZone(spec.zone);
  if (!zoneResult.ok) return zoneResult;
  const zone = zoneResult.value;

  const { first, last } = holidayYears;
  if (range) {
    const { fromYear, toYear } = range;
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || fromYear < first || toYear > last) {
      return fail('year-out-of-range', `cannot compile years ${fromYear}–${toYear}: calendars cover the years ${first}–${last}`);
    }
  }

  const country = spec.holidays?.country;
  if (country !== undefined) {
    const known = publicHolidays(country, first);
    if (!known.ok) return known;
  }
  const days = (list: readonly string[] | undefined): Result<Set<number>, 'invalid-date'> => {
    const out = new Set<number>();
    for (const d of list ?? []) {
      const day = dayNumberOf(d);
      if (Number.isNaN(day)) return fail('invalid-date', `"${d}" is not a calendar date (YYYY-MM-DD)`);
      out.add(day);
    }
    return ok(out);
  };
  const added = days(spec.holidays?.add);
  if (!added.ok) return added;
  const removed = days(spec.holidays?.remove);
  if (!removed.ok) return removed;
  // A date both added and removed is open, as it always was: `remove` is applied last.
  for (const d of removed.value) added.value.delete(d);

  const byDay: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const interval of spec.week) {
    const o = minutesOf(interval.open);
    const c = minutesOf(interval.close);
    if (!(o < c) || interval.day < 1 || interval.day > 7) {
      return fail('invalid-hours', `day ${interval.day} ${interval.open}–${interval.close} is not an interval within a day`);
    }
    byDay[interval.day]!.push([o, c]);
  }
  const week = byDay.map(mergeMinutes);
  const dayLengths = week
    .slice(1)
    .map((d) => d.reduce((s, [o, c]) => s + (c - o), 0))
    .filter((m) => m > 0);
  if (dayLengths.length === 0) return fail('no-open-hours', 'the calendar has no open hours in the week');
  const openDayMs = mostCommon(dayLengths) * 60_000;

  const recipe: Recipe = { zone, week, country, added: added.value, removed: removed.value };
  const years = range ?? { fromYear: first, toYear: last };
  return ok(new CompiledCalendar(recipe, openDayMs, years.fromYear, years.toYear, range !== undefined));
}

/** The most frequent value; ties go to the longer day, so a short Saturday never shrinks a business day. */
function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && v > best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
