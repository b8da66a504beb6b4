import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internals, NOT_NAMES } from './detect-information.js';
import { WordScanner, type Words } from './normalize-text.js';
import { TOP_LEVEL_DOMAIN_ALTERNATION as TLD } from './top-level-domains.js';

// The regexes the scanners stand in for.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL = new RegExp(String.raw`\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:${TLD})\/\S*`, 'i');
const SIGN_OFF =
  /\b(?:soy|me llamo|mi nombre es|les escribe|le escribe|habla|nombre\s*:|contacto\s*:|att\.?|atentamente|cordialmente|saludos|gracias|regards|thanks|best|cheers|i am|i'm|my name is|sou|meu nome (?:é|e)|obrigad[oa])[\s,:.-]*\n?\s*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)?/u;
const NAME_PAIR = /(?:^|[\n,;:\-–(]\s*)([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})\b/gu;
const URL_OR_EMAIL = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:${TLD})(?:\/\S*)?`,
  'gi',
);
/**
 * Whether the scan blanks a text's URLs at all: its top-level domain must end at a word boundary, so a dotted word whose
 * ending runs on ("a.comb", "funciona.Estamos") is blanked only in a text with another sign of a URL.
 */
const MAYBE_URL = new RegExp(String.raw`@|:\/\/|www\.|\.(?:${TLD})`, 'i');

/** `count` strings of 1 to `most` pieces, the same on every run. */
const joined = (pieces: readonly string[], most: number, count: number, seed: number) =>
  fc.sample(
    fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: most }).map((p) => p.join('')),
    { numRuns: count, seed },
  );

/** Short strings from pieces that matter to the regexes (separators, dots, "@", top-level domains, non-ASCII). */
const strings = (count: number) =>
  joined(
    [
      'a',
      'Z',
      '1',
      '_',
      '-',
      '+',
      '.',
      '@',
      '/',
      ':',
      ' ',
      '\n',
      '\u00a0',
      '\u3000',
      'é',
      'com',
      'co',
      'es',
      'app',
      'www',
      'WWW',
      'http',
      'https',
      '://',
      'events',
      'me',
      'info',
      '(',
      ',',
      '..',
      '’',
      'COM',
      'HTTPS://',
      'net',
      'event',
      '-.',
      '\u001a',
    ],
    14,
    count,
    42,
  );

/** What the triage reads of a scan: its words, where they are, and its clauses. */
const scanView = (w: Words) => ({
  n: w.n,
  clauses: w.clauses,
  norm: w.norm.slice(0, w.n),
  start: [...w.start.subarray(0, w.n)],
  end: [...w.end.subarray(0, w.n)],
  clause: [...w.clause.subarray(0, w.n)],
  afterContrast: [...w.afterContrast.subarray(0, w.clauses)],
});

describe('text scanners', () => {
  it('find the same e-mails, URLs and blanked spans as the regexes', () => {
    const scanner = new WordScanner();
    const blank = (s: string) => s.replace(URL_OR_EMAIL, (x) => ' '.repeat(x.length));
    let compared = 0;
    for (const s of strings(30_000)) {
      const m = EMAIL.exec(s);
      expect(internals.findEmail(s), s).toEqual(m ? [m.index, m.index + m[0].length] : null);
      expect(internals.withoutFirstEmail(s), s).toBe(s.replace(EMAIL, ' '));
      expect(internals.hasUrl(s), s).toBe(URL.test(s));
      // The words scanned are those of the text with the regex's URLs and e-mails blanked, in a text where MAYBE_URL finds
      // one; compared where that text has nothing left to blank (blanking can open a word boundary the regex then matches at).
      const blanked = MAYBE_URL.test(s) ? blank(s) : s;
      if (blank(blanked) !== blanked) continue;
      expect(scanView(scanner.scan(s)), s).toEqual(scanView(scanner.scan(blanked)));
      compared++;
    }
    expect(compared).toBeGreaterThan(25_000);
  });
});

/** Short texts from sign-off keywords, names, separators and phone-like pieces. */
const signatures = (count: number) =>
  joined(
    [
      'soy',
      'me llamo',
      'mi nombre es',
      'nombre',
      'nombre :',
      'contacto:',
      'att',
      'att.',
      'saludos',
      'Saludos',
      'gracias',
      "i'm",
      'meu nome é',
      'obrigada',
      'xsoy',
      'ésoy',
      'Ana',
      'Pérez',
      'Ñu',
      'Ób',
      'ana',
      'Hola',
      'Buenos',
      'Juan Ruiz',
      'Buenos Aires',
      'Ruizá',
      'AnaX',
      ' ',
      ' ',
      '  ',
      '\n',
      '\n\n',
      ',',
      ', ',
      ':',
      '-',
      '–',
      '(',
      '.',
      '\t',
      '\u00a0',
      '+56 9 1234 5678',
      '(02) 234-5678',
      '12345',
      'ana@x.com',
      'é',
      '1',
    ],
    10,
    count,
    7,
  );

describe('detectors', () => {
  it('find a sign-off where its original regex does', () => {
    for (const s of signatures(30_000)) expect(internals.signOff.test(s), s).toBe(SIGN_OFF.test(s));
  });

  it("find a person's name where the sign-off regex or the loop over the name-pair regex does", () => {
    const namePair = (s: string) => {
      NAME_PAIR.lastIndex = 0;
      for (let m = NAME_PAIR.exec(s); m !== null; m = NAME_PAIR.exec(s)) if (!NOT_NAMES.has(m[1]!)) return true;
      return false;
    };
    for (const s of signatures(30_000)) expect(internals.hasPersonName(s), s).toBe(SIGN_OFF.test(s) || namePair(s));
  });
});
