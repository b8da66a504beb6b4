/**
 * The top-level domains that make a dotted word a web address, in the order the URL scanners try them (a prefix may be
 * enough: see url-or-email-spans.ts). Generic ones, the countries Plazo's customers write from, and the endings event
 * and shop sites use; all are delegated in the root zone (".event", once listed, is not).
 */
export const TOP_LEVEL_DOMAINS: readonly string[] = [
  'com',
  'co',
  'net',
  'org',
  'io',
  'es',
  'pt',
  'br',
  'cl',
  'app',
  'info',
  'me',
  'events',
];

/** The domains as a regex alternation, "com|co|…", for the scanners' cheap pre-checks. */
export const TOP_LEVEL_DOMAIN_ALTERNATION = TOP_LEVEL_DOMAINS.join('|');
