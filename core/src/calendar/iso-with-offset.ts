const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * An instant as ISO 8601 in local time at the given offset, written exactly as luxon's
 * `toISO({ suppressMilliseconds: true })` writes it: milliseconds only when non-zero, "Z" only for a
 * universal (fixed) zone at offset zero (Lisbon in winter is "+00:00"), offset minutes truncated.
 */
export function isoWithOffset(ms: number, offsetMinutes: number, universal: boolean): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ" in local wall time
  const millis = local.slice(19, 23);
  const time = millis === '.000' ? local.slice(0, 19) : local.slice(0, 23);
  if (offsetMinutes === 0 && universal) return `${time}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${time}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(abs / 60))}:${pad(Math.trunc(abs % 60))}`;
}
