import { isSpace } from './is-space.js';
import { TOP_LEVEL_DOMAIN_ALTERNATION } from './top-level-domains.js';
import type { Detector } from './triage-rules-schema.js';

/**
 * The URL regex, /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:<TOP_LEVEL_DOMAINS>)\//i
 * (then any non-space characters), tested in two parts (see `hasUrl`).
 */
const URL_SCHEME = /\b(?:https?:\/\/|www\.)\S/i;
const TLD_SLASH = new RegExp(`\\.(?:${TOP_LEVEL_DOMAIN_ALTERNATION})\\/`, 'gi');
const PHONE_CANDIDATE = /\+?\(?\d[\d\s().-]{5,}\d/g;
/**
 * "soy Ana", "mi nombre es Ana", "atentamente,\nAna Ruiz": a lower-case sign-off or introduction, then spaces or
 * punctuation, then a capitalised word. Searched from the capitalised word (its two letters end the lookbehind): capitals
 * are rarer than the keywords' first letters. Only whether it matches is used, and it matches exactly where
 * /\b(?:…|att\.?|…)[\s,:.-]*\n?\s*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)?/u does: "\n?\s*" and the "." of
 * "att." only repeat what [\s,:.-]* takes, and the rest of the name only extends a match.
 */
const SIGN_OFF =
  /[A-ZÁÉÍÓÚÑ][a-záéíóúñ](?<=\b(?:soy|me llamo|mi nombre es|les escribe|le escribe|habla|nombre\s*:|contacto\s*:|att|atentamente|cordialmente|saludos|gracias|regards|thanks|best|cheers|i am|i'm|my name is|sou|meu nome (?:é|e)|obrigad[oa])[\s,:.-]*..)/u;
/**
 * NAME_PAIR = /(?:^|[\n,;:\-–(]\s*)([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\b/gu, run as a loop of exec,
 * is `hasNamePair`: its two words tried (sticky) at each capital its opening allows.
 */
const NAME_PAIR_AT = /([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\b/uy;
const CAPITAL = /[A-ZÁÉÍÓÚÑ]/gu;
/** Capitalised words that open a greeting or a subject, never a person's first name. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'Buenos',
  'Buenas',
  'Buen',
  'Hola',
  'Estimados',
  'Estimado',
  'Estimada',
  'Cordial',
  'Muchas',
  'Gracias',
  'Por',
  'Good',
  'Dear',
  'Hello',
  'Bom',
  'Boa',
  'Olá',
  'Prioridad',
  'Punto',
  'Sistema',
  'Empresa',
  'Error',
]);

// An e-mail address is /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/ (\w is ASCII), matched by `findEmail`.
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLocal = (c: number) => isWord(c) || c === 46 || c === 43 || c === 45;
const isDomain = (c: number) => isWord(c) || c === 45;

/**
 * Where the e-mail regex first matches, as [start, end), found from the "@"s instead of trying the regex at every character:
 * the leftmost match belongs to the first "@" with a local-part character before it and a dotted domain after it,
 * and runs from the start of that local part to the end of the longest dotted domain.
 */
function findEmail(text: string): [number, number] | null {
  const n = text.length;
  for (let a = text.indexOf('@'); a !== -1; a = text.indexOf('@', a + 1)) {
    if (a === 0 || !isLocal(text.charCodeAt(a - 1))) continue;
    let e = a + 1;
    while (e < n && isDomain(text.charCodeAt(e))) e++;
    if (e === a + 1 || !(e + 1 < n && text.charCodeAt(e) === 46 && isDomain(text.charCodeAt(e + 1)))) continue;
    while (e + 1 < n && text.charCodeAt(e) === 46 && isDomain(text.charCodeAt(e + 1))) {
      e += 2;
      while (e < n && isDomain(text.charCodeAt(e))) e++;
    }
    let s = a - 1;
    while (s > 0 && isLocal(text.charCodeAt(s - 1))) s--;
    return [s, e];
  }
  return null;
}

/** `text.replace(EMAIL, ' ')` (not global): the first e-mail replaced by a space. */
function withoutFirstEmail(text: string): string {
  const m = findEmail(text);
  return m ? `${text.slice(0, m[0])} ${text.slice(m[1])}` : text;
}

/**
 * Whether a dotted run of [\w-] words, where the regex could start at a word boundary, ends at text[dot]: going back
 * over "-" and single "."s, a word character comes before the run breaks.
 */
function hostEndsAt(text: string, dot: number): boolean {
  if (dot === 0 || !isDomain(text.charCodeAt(dot - 1))) return false;
  for (let i = dot - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isWord(c)) return true;
    if (c !== 45 && !(c === 46 && i > 0 && isDomain(text.charCodeAt(i - 1)))) return false;
  }
  return false;
}

/**
 * `URL.test(text)` in time linear in the text: a scheme at a word boundary, or a "." + top-level domain + "/" after a
 * host. The regex itself tries a host at every start and, on a long dotted run that leads nowhere ("a.a.a…"), reads it
 * to the end from each: the square of its length. Going back from each ".tld/" reads only "-" and "." until a word
 * character settles it, so no character is read back from two of them.
 */
function hasUrl(text: string): boolean {
  if (URL_SCHEME.test(text)) return true;
  TLD_SLASH.lastIndex = 0;
  for (let m = TLD_SLASH.exec(text); m !== null; m = TLD_SLASH.exec(text)) if (hostEndsAt(text, m.index)) return true;
  return false;
}

function hasPhone(text: string): boolean {
  // exec on the shared global regex, not matchAll (which copies the regex on every call).
  PHONE_CANDIDATE.lastIndex = 0;
  for (let m = PHONE_CANDIDATE.exec(text); m !== null; m = PHONE_CANDIDATE.exec(text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 7 && digits.length <= 15) return true;
  }
  return false;
}

const isNameOpener = (c: number) => c === 10 || c === 44 || c === 59 || c === 58 || c === 45 || c === 0x2013 || c === 40;

/** Whether NAME_PAIR's opening (the text's start, or one of "\n,;:-–(" then white space) ends at j, starting at or after `from`. */
function opensNameAt(text: string, j: number, from: number): boolean {
  if (j === 0) return from === 0;
  for (let k = j - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    // "\n" opens and is white space: the white space between it and j is what \s* takes.
    if (c === 10) return true;
    if (!isSpace(c)) return isNameOpener(c);
  }
  return false;
}

/**
 * The loop of NAME_PAIR.exec: the first pair whose first word is not in NOT_NAMES, each search going on after the last
 * match. In time linear in the text: the regex, at each "\n" of a long run of them, takes the white space after it to
 * its end before failing (the square of its length); here each capital looks back over the white space before it once.
 */
function hasNamePair(text: string): boolean {
  let from = 0;
  CAPITAL.lastIndex = 0;
  for (let c = CAPITAL.exec(text); c !== null; c = CAPITAL.exec(text)) {
    const j = c.index;
    if (!opensNameAt(text, j, from)) continue;
    NAME_PAIR_AT.lastIndex = j;
    const m = NAME_PAIR_AT.exec(text);
    if (m === null) continue;
    if (!NOT_NAMES.has(m[1]!)) return true;
    from = CAPITAL.lastIndex = j + m[0].length;
  }
  return false;
}

function hasPersonName(text: string): boolean {
  return SIGN_OFF.test(text) || hasNamePair(text);
}

/** How many different e-mail addresses (compared without regard to case) the text names. */
function countEmails(text: string): number {
  const seen = new Set<string>();
  let rest = text;
  for (let m = findEmail(rest); m !== null; m = findEmail(rest)) {
    seen.add(rest.slice(m[0], m[1]).toLowerCase());
    rest = rest.slice(m[1]);
  }
  return seen.size;
}

/** Exposed for tests. */
export const internals = { countEmails, findEmail, withoutFirstEmail, hasUrl, hasPersonName, signOff: SIGN_OFF };

/**
 * Whether one built-in detector finds its information in a ticket whose text is `${subject}\n${body}` (triage has it
 * from its scan); pattern detectors are matched elsewhere.
 */
export function detectInText(detector: Detector, text: string, body: string, bodyWords: number, minimumContacts = 1): boolean {
  switch (detector.kind) {
    case 'contacts':
      return countEmails(text) >= Math.max(1, minimumContacts);
    case 'email':
      return findEmail(text) !== null;
    case 'phone':
      return hasPhone(withoutFirstEmail(text));
    case 'url':
      return hasUrl(text);
    case 'person-name':
      return hasPersonName(body);
    case 'words':
      return bodyWords >= detector.min;
    case 'patterns':
      return false;
  }
}
