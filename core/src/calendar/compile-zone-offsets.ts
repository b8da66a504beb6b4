import type { Zone } from 'luxon';

/** A zone's offsets over a span of time, compiled so that reading them needs no Intl call. */
export type ZoneOffsets = {
  /**
   * The zone's offset from UTC in minutes at an instant, as luxon's `Zone.offset` gives it (fractional for
   * the few offsets in seconds, e.g. Monrovia's −00:44:30 until 1972). Outside the span it asks Intl.
   */
  offsetAt(epochMs: number): number;
  /**
   * A wall-clock time ("local as if UTC" ms, e.g. Date.UTC(2026, 2, 29, 9)) as an epoch instant.
   * Times in a DST gap move forward by the gap; times in an overlap take the first occurrence.
   */
  toEpoch(wallMs: number): number;
};

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
/** Sampling step: no zone changes offset twice within 3 days; 1970–2100 the closest changes are 6.96 days apart. */
const STEP_MS = 3 * 86_400_000;
const MAX_OFFSET_MS = 15 * 3_600_000;

const longOffset = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The zone's offset in minutes at an instant, read from Intl's "GMT+01:00" (six times faster than luxon's
 * formatToParts; the same ICU data). Falls back to luxon when the runtime writes something else.
 */
export function intlOffsetReader(zone: Zone): (epochMs: number) => number {
  if (zone.isUniversal) {
    const fixed = zone.offset(0);
    return () => fixed;
  }
  let format: Intl.DateTimeFormat | null = null;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone.name, timeZoneName: 'longOffset' });
  } catch {
    format = null;
  }
  return (epochMs) => {
    const m = format ? longOffset.exec(format.format(epochMs)) : null;
    if (!m) return zone.offset(epochMs);
    if (m[1] === undefined) return 0;
    const minutes = Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
    return m[1] === '-' ? -minutes : minutes;
  };
}

/** Compiles the zone's offset changes between two instants (and a margin either side of them). */
export function compileZoneOffsets(zone: Zone, fromMs: number, toMs: number): ZoneOffsets {
  const read = intlOffsetReader(zone);
  if (zone.isUniversal) {
    const fixed = read(fromMs);
    return { offsetAt: () => fixed, toEpoch: (wallMs) => wallMs - fixed * MINUTE_MS };
  }
  // transitions[i] is the first instant with offsets[i + 1]; offsets[0] holds from `start` to the first.
  const transitions: number[] = [];
  const offsets: number[] = [];
  const start = fromMs - MAX_OFFSET_MS - STEP_MS;
  const end = toMs + MAX_OFFSET_MS + STEP_MS;
  let previous = read(start);
  offsets.push(previous);
  for (let t = start + STEP_MS; t < end + STEP_MS; t += STEP_MS) {
    const o = read(t);
    if (o === previous) continue;
    // Bisect in whole seconds: zones change offset on a second boundary, so the result is exact.
    let lo = Math.floor((t - STEP_MS) / SECOND_MS);
    let hi = Math.ceil(t / SECOND_MS);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (read(mid * SECOND_MS) === previous) lo = mid;
      else hi = mid;
    }
    transitions.push(hi * SECOND_MS);
    offsets.push(o);
    previous = o;
  }
  const last = start + Math.ceil((end - start) / STEP_MS) * STEP_MS;

  const offsetAt = (epochMs: number): number => {
    if (!(epochMs >= start && epochMs <= last)) return read(epochMs);
    let lo = 0;
    let hi = transitions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (transitions[mid]! <= epochMs) lo = mid + 1;
      else hi = mid;
    }
    return offsets[lo]!;
  };
  const offsetMsAt = (epochMs: number): number => offsetAt(epochMs) * MINUTE_MS;
  const toEpoch = (wallMs: number): number => {
    // The offset in force well before: right for ordinary times, and picks the first of two in an overlap.
    const early = offsetMsAt(wallMs - MAX_OFFSET_MS);
    const first = wallMs - early;
    if (offsetMsAt(first) === early) return first;
    const late = offsetMsAt(first);
    const second = wallMs - late;
    if (offsetMsAt(second) === late) return second;
    return first; // in a gap: the wall time does not exist, so it lands the gap's length later
  };
  return { offsetAt, toEpoch };
}
