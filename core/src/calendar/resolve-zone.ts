import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { fail, ok, type Result } from '../result.js';

const fixedOffset = /^(?:UTC|GMT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;

/**
 * An IANA zone ("Europe/Lisbon", "Etc/GMT+4") or a fixed offset written as people do
 * ("UTC-4", "GMT-4", "UTC+05:30": the sign means ahead of/behind UTC, unlike Etc/GMT±N).
 */
export function resolveZone(name: string): Result<Zone, 'unknown-zone'> {
  const m = fixedOffset.exec(name.trim());
  if (m) {
    const hours = Number(m[2] ?? 0);
    const minutes = Number(m[3] ?? 0);
    if (hours > 14 || minutes > 59) return fail('unknown-zone', `"${name}" is not a valid UTC offset (at most ±14:00)`);
    return ok(FixedOffsetZone.instance((m[1] === '-' ? -1 : 1) * (hours * 60 + minutes)));
  }
  if (IANAZone.isValidZone(name)) return ok(IANAZone.create(name));
  return fail('unknown-zone', `"${name}" is neither an IANA time zone (e.g. "America/Bogota") nor a fixed offset (e.g. "UTC-4")`);
}
