import type { Zone } from 'luxon';
import type { CalendarSpec } from '../policy/policy-schema.js';
import { fail, ok, type Result } from '../result.js';
import type { BusinessCalendar } from './business-calendar.js';
import { holidayYears, publicHolidays } from './public-holidays.js';
import { resolveZone } from './resolve-zone.js';
import { compileWallClockToEpoch } from './wall-clock-to-epoch.js';

export type CompileCalendarCode = 'unknown-zone' | 'unknown-country' | 'year-out-of-range' | 'invalid-date' | 'invalid-hours' | 'no-open-hours';

/** Years to compile; defaults to the years whose holidays ship with core. */
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

function isRealDate(d: string): boolean {
  const m = isoDate.exec(d);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === d;
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

class CompiledCalendar implements BusinessCalendar {
  readonly intervalCount: number;
  /** cumEnd[i]: business time from fromMs to closes[i]; cumEnd[i] - (closes[i] - opens[i]) is the time before opens[i]. */
  private readonly cumEnd: Float64Array;

  constructor(
    readonly zone: string,
    readonly luxonZone: Zone,
    readonly openDayMs: number,
    readonly fromMs: number,
    readonly toMs: number,
    private readonly opens: Float64Array,
    private readonly closes: Float64Array,
  ) {
    this.intervalCount = opens.length;
    this.cumEnd = new Float64Array(opens.length);
    let sum = 0;
    for (let i = 0; i < opens.length; i++) {
      sum += closes[i]! - opens[i]!;
      this.cumEnd[i] = sum;
    }
  }

  /** Business time from fromMs to ms (NaN outside the compiled range). */
  private position(ms: number): number {
    if (!(ms >= this.fromMs && ms <= this.toMs)) return Number.NaN;
    const i = lastAtOrBefore(this.opens, ms);
    if (i < 0) return 0;
    const open = this.opens[i]!;
    const close = this.closes[i]!;
    return this.cumEnd[i]! - (close - open) + (ms < close ? ms - open : close - open);
  }

  isOpen(ms: number): boolean {
    const i = lastAtOrBefore(this.opens, ms);
    return i >= 0 && ms < this.closes[i]!;
  }

  nextOpening(ms: number): number {
    if (!(ms >= this.fromMs && ms <= this.toMs)) return Number.NaN;
    const i = lastAtOrBefore(this.opens, ms);
    if (i >= 0 && ms < this.closes[i]!) return ms;
    return i + 1 < this.opens.length ? this.opens[i + 1]! : Number.NaN;
  }

  addBusinessTime(startMs: number, durationMs: number): number {
    const p = this.position(startMs);
    if (Number.isNaN(p) || !(durationMs >= 0)) return Number.NaN;
    if (durationMs === 0) return startMs;
    const target = p + durationMs;
    const cum = this.cumEnd;
    const n = cum.length;
    if (n === 0 || target > cum[n - 1]!) return Number.NaN;
    // Smallest i whose interval ends at or after the target: the earliest instant reaching it (a close when equal).
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.closes[lo]! - (cum[lo]! - target);
  }

  businessTimeBetween(aMs: number, bMs: number): number {
    return this.position(bMs) - this.position(aMs);
  }
}

/**
 * Compiles a policy calendar: weekly wall-clock intervals in its zone, minus the country's public
 * holidays (plus the admin's `add`, minus `remove`), as epoch-ms intervals over `range` years.
 */
export function compileCalendar(spec: CalendarSpec, range?: CalendarRange): Result<BusinessCalendar, CompileCalendarCode> {
  const zoneResult = resolveZone(spec.zone);
  if (!zoneResult.ok) return zoneResult;
  const zone = zoneResult.value;

  const fromYear = range?.fromYear ?? holidayYears.first;
  const toYear = range?.toYear ?? holidayYears.last;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || fromYear < 1971 || toYear > 2199) {
    return fail('year-out-of-range', `cannot compile years ${fromYear}–${toYear}`);
  }

  const closed = new Set<string>();
  const country = spec.holidays?.country;
  if (country !== undefined) {
    const holidays = publicHolidays(country, fromYear, toYear);
    if (!holidays.ok) return holidays;
    for (const d of holidays.value) closed.add(d);
  }
  for (const d of [...(spec.holidays?.add ?? []), ...(spec.holidays?.remove ?? [])]) {
    if (!isRealDate(d)) return fail('invalid-date', `"${d}" is not a calendar date (YYYY-MM-DD)`);
  }
  for (const d of spec.holidays?.add ?? []) closed.add(d);
  for (const d of spec.holidays?.remove ?? []) closed.delete(d);

  // Per ISO weekday (1 = Monday … 7 = Sunday), the merged open intervals in minutes.
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
  const dayLengths = week.slice(1).map((d) => d.reduce((s, [o, c]) => s + (c - o), 0)).filter((m) => m > 0);
  if (dayLengths.length === 0) return fail('no-open-hours', 'the calendar has no open hours in the week');
  const openDayMs = mostCommon(dayLengths) * 60_000;

  const opens: number[] = [];
  const closes: number[] = [];
  const firstCivil = Date.UTC(fromYear, 0, 1);
  const endCivil = Date.UTC(toYear + 1, 0, 1);
  const toEpoch = compileWallClockToEpoch(zone, firstCivil, endCivil);
  for (let civil = firstCivil; civil < endCivil; civil += DAY_MS) {
    const date = new Date(civil);
    const weekday = date.getUTCDay() || 7;
    const intervals = week[weekday]!;
    if (intervals.length === 0 || closed.has(date.toISOString().slice(0, 10))) continue;
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
  const fromMs = toEpoch(firstCivil);
  const toMs = toEpoch(endCivil);
  return ok(new CompiledCalendar(zone.name, zone, openDayMs, fromMs, toMs, Float64Array.from(opens), Float64Array.from(closes)));
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
