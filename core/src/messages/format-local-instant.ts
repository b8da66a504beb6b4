const formats = new Map<string, Intl.DateTimeFormat>();

/** "−05:00" style offset, as people read it after a time. */
function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * An instant as a customer reads it: the wall-clock time at `offsetMinutes` (the policy zone's offset then), written in
 * `locale` ("lunes, 9 de marzo de 2026, 07:00 (UTC-05:00)"). The wall clock is formatted as UTC so no zone data is needed.
 */
export function formatLocalInstant(ms: number, offsetMinutes: number, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(locale, format);
  }
  return `${format.format(new Date(ms + offsetMinutes * 60_000))} (${offsetText(offsetMinutes)})`;
}
