import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectInformation, detectInText, internals, NOT_NAMES } from './detect-information.js';
import { blankUrls } from './normalize-text.js';
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

describe('text scanners', () => {
  it('find the same e-mails, URLs and blanked spans as the regexes', () => {
    for (const s of strings(30_000)) {
      const m = EMAIL.exec(s);
      expect(internals.findEmail(s), s).toEqual(m ? [m.index, m.index + m[0].length] : null);
      expect(internals.withoutFirstEmail(s), s).toBe(s.replace(EMAIL, ' '));
      expect(internals.hasUrl(s), s).toBe(URL.test(s));
      expect(blankUrls(s), s).toBe(s.replace(URL_OR_EMAIL, (x) => ' '.repeat(x.length)));
    }
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

  it('answer the same given the built text', () => {
    const kinds = [{ kind: 'email' }, { kind: 'phone' }, { kind: 'url' }, { kind: 'person-name' }, { kind: 'words', min: 3 }] as const;
    let i = 0;
    for (const s of signatures(3_000)) {
      const subject = s.slice(0, i++ % 7);
      for (const d of kinds) expect(detectInText(d, `${subject}\n${s}`, s, 4), s).toBe(detectInformation(d, subject, s, 4));
    }
  });
});
