import { describe, expect, it } from 'vitest';
import { internals } from './detect-information.js';
import { blankUrls } from './normalize-text.js';

// The regexes the scanners stand in for.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co|net|org|io|es|pt|br|cl|app|info|me|event|events)\/\S*/i;
const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co|net|org|io|es|pt|br|cl|app)(?:\/\S*)?/gi;

/** Short strings from pieces that matter to the regexes (separators, dots, "@", top-level domains, non-ASCII). */
function* strings(count: number): Generator<string> {
  const pieces = ['a', 'Z', '1', '_', '-', '+', '.', '@', '/', ':', ' ', '\n', '\u00a0', '\u3000', 'é', 'com', 'co', 'es', 'app', 'www', 'WWW', 'http', 'https', '://', 'events', 'me', '(', ',', '..', '’'];
  let seed = 42;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let t = 0; t < count; t++) {
    let s = '';
    for (let k = 1 + next(12); k > 0; k--) s += pieces[next(pieces.length)];
    yield s;
  }
}

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
