import type { Zone } from 'luxon';

const WEEK_MS = 7 * 86_400_000;
const MAX_OFFSET_MS = 15 * 3_600_000;

/**
 * Compiles a zone's offset changes between two instants so that converting a wall-clock time
 * ("local as if UTC" ms, e.g. Date.UTC(2026, 2, 29, 9)) to an epoch instant needs no Intl call.
 * Times in a DST gap move forward by the gap; times in an overlap take the first occurrence.
 * Assumes a zone changes offset at most once a week (true of every zone in 2020–2040).
 */
export function compileWallClockToEpoch(zone: Zone, fromMs: number, toMs: number): (wallMs: number) => number {
  if (zone.isUniversal) {
    const fixed = zone.offset(fromMs) * 60_000;
    return (wallMs) => wallMs - fixed;
  }
  // transitions[i] is the first instant with offsets[i + 1]; offsets[0] holds before the first.
  const transitions: number[] = [];
  const offsets: number[] = [];
  const start = fromMs - MAX_OFFSET_MS - WEEK_MS;
  const end = toMs + MAX_OFFSET_MS + WEEK_MS;
  let previous = zone.offset(start);
  offsets.push(previous);
  for (let t = start + WEEK_MS; t < end + WEEK_MS; t += WEEK_MS) {
    const o = zone.offset(t);
    if (o === previous) continue;
    // Bisect in whole minutes: zones change offset on a minute boundary, so the result is exact.
    let lo = Math.floor((t - WEEK_MS) / 60_000);
    let hi = Math.ceil(t / 60_000);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid * 60_000) === previous) lo = mid;
      else hi = mid;
    }
    transitions.push(hi * 60_000);
    offsets.push(o);
    previous = o;
  }
  const offsetAt = (epochMs: number): number => {
    let lo = 0;
    let hi = transitions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (transitions[mid]! <= epochMs) lo = mid + 1;
      else hi = mid;
    }
    return offsets[lo]! * 60_000;
  };
  return (wallMs) => {
    // The offset in force well before: right for ordinary times, and picks the first of two in an overlap.
    const early = offsetAt(wallMs - MAX_OFFSET_MS);
    const first = wallMs - early;
    if (offsetAt(first) === early) return first;
    const late = offsetAt(first);
    const second = wallMs - late;
    if (offsetAt(second) === late) return second;
    return first; // in a gap: the wall time does not exist, so it lands the gap's length later
  };
}
