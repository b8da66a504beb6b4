import type { Detector } from './triage-rules-schema.js';

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co|net|org|io|es|pt|br|cl|app|info|me|event|events)\/\S*/i;
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
const NAME_PAIR = /(?:^|[\n,;:\-–(]\s*)([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\b/gu;
const NOT_NAMES = new Set(['Buenos', 'Buenas', 'Buen', 'Hola', 'Estimados', 'Estimado', 'Estimada', 'Cordial', 'Muchas', 'Gracias', 'Por', 'Good', 'Dear', 'Hello', 'Bom', 'Boa', 'Olá', 'Prioridad', 'Punto', 'Sistema', 'Empresa', 'Error']);

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
  return m ? text.slice(0, m[0]) + ' ' + text.slice(m[1]) : text;
}

// JavaScript's \s, by char code: the line terminators and white space (Unicode Zs, U+FEFF).
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/**
 * `URL.test(text)`, run only on the runs of non-space characters that could hold a match (one with a "/", or a "."
 * followed by something): a match never contains white space, and \b sees white space and the text's ends alike.
 * The runs are found from the "/"s and "."s (native searches), not by reading every character.
 */
function hasUrl(text: string): boolean {
  const n = text.length;
  let slash = text.indexOf('/');
  let dot = text.indexOf('.');
  while (slash !== -1 || dot !== -1) {
    const i = slash === -1 ? dot : dot === -1 ? slash : Math.min(slash, dot);
    if (i === dot && !(i + 1 < n && !isSpace(text.charCodeAt(i + 1)))) {
      dot = text.indexOf('.', i + 1);
      continue;
    }
    // The run around i: from the character after the previous white space to the next white space.
    let start = i;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < n && !isSpace(text.charCodeAt(end))) end++;
    if (URL.test(text.slice(start, end))) return true;
    if (slash !== -1 && slash < end) slash = text.indexOf('/', end);
    if (dot !== -1 && dot < end) dot = text.indexOf('.', end);
  }
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

function hasPersonName(text: string): boolean {
  if (SIGN_OFF.test(text)) return true;
  // exec, as in hasPhone.
  NAME_PAIR.lastIndex = 0;
  for (let m = NAME_PAIR.exec(text); m !== null; m = NAME_PAIR.exec(text)) if (!NOT_NAMES.has(m[1]!)) return true;
  return false;
}

/** Exposed for tests. */
export const internals = { findEmail, withoutFirstEmail, hasUrl, signOff: SIGN_OFF };

/** Whether one built-in detector finds its information in the ticket (pattern detectors are matched elsewhere). */
export function detectInformation(detector: Detector, subject: string, body: string, bodyWords: number): boolean {
  return detectInText(detector, `${subject}\n${body}`, body, bodyWords);
}

/** `detectInformation` given the ticket's text `${subject}\n${body}` already built (triage has it from its scan). */
export function detectInText(detector: Detector, text: string, body: string, bodyWords: number): boolean {
  switch (detector.kind) {
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
