export type Locale = 'es' | 'pt' | 'en';

/** A host's locale ("es-419", "pt-BR", "en-US") to the three the apps speak; anything else reads English. */
export function toLocale(hostLocale: unknown): Locale {
  const tag = typeof hostLocale === 'string' ? hostLocale.toLowerCase() : '';
  if (tag.startsWith('es')) return 'es';
  if (tag.startsWith('pt')) return 'pt';
  return 'en';
}
