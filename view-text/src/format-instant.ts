import type { Locale } from './locale';

/** An instant in a zone, in the user's language: "6 dic 2026, 14:30". */
export function formatInstant(iso: string, locale: Locale, zone: string): string {
  const date = new Date(Date.parse(iso));
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  }
}
