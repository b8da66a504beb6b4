import type { LocalizedText } from '@plazo/core';
import type { Locale } from './locale';

/** A policy's text in the user's language, or its Spanish (always present). */
export function localized(text: LocalizedText | undefined, locale: Locale): string | null {
  return text ? (text[locale] ?? text.es) : null;
}
