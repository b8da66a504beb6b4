import { fail, ok, type Result } from '@plazo/core';
import parseDuration from 'parse-duration';

/** A line of the comment that starts with the command: `/plazo time 1h30m`, `/plazo time 45 min`, `/plazo time -15m` (a correction). */
const COMMAND = /^\s*\/plazo\s+time\b(.*)$/im;
/** One or more amounts, each with its unit (a bare number is refused: minutes or hours?). */
const SHAPE = /^-?\s*(?:\d+(?:\.\d+)?\s*[a-zµ]+\s*)+$/i;
const PART = /(\d+(?:\.\d+)?)\s*([a-zµ]+)/gi;
/** One command records at most a working day and a half; more is a typo (`/plazo time 130h` for 1h30). */
export const MAX_COMMAND_SECONDS = 12 * 3600;

/**
 * The time a GitHub comment records with `/plazo time <duration>`, in seconds; null when it has no such line. The duration
 * is read by parse-duration (English units: h, hr, hour, m, min, minute, s…); every unit must be one it knows.
 */
export function readTimeCommand(body: string): Result<number | null, 'invalid-time'> {
  const line = COMMAND.exec(body);
  if (!line) return ok(null);
  const text = line[1]!.trim();
  const usage = 'write a duration with units, such as "/plazo time 1h30m" or "/plazo time 45m"';
  if (!SHAPE.test(text)) return fail('invalid-time', `"/plazo time ${text}" has no duration: ${usage}`);
  for (const [, , unit] of text.matchAll(PART))
    if (parseDuration(`1${unit}`) === null) return fail('invalid-time', `"${unit}" is not a unit of time: ${usage}`);
  const ms = parseDuration(text);
  const seconds = ms === null ? 0 : Math.round(ms / 1000);
  if (seconds === 0) return fail('invalid-time', `"/plazo time ${text}" is zero: ${usage}`);
  if (Math.abs(seconds) > MAX_COMMAND_SECONDS) return fail('invalid-time', `"/plazo time ${text}" is over 12 hours in one command`);
  return ok(seconds);
}
