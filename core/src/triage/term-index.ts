import { boundedEditDistance } from './edit-distance.js';
import { firstDifference, oneLetterSlip } from './one-letter-slip.js';

/** One word slot of a pattern: a whole word or a stem ("factur*"); `fuzzy` tolerates typos. */
export type Term = { kind: 'word' | 'stem'; text: string; fuzzy: boolean };

// Shorter words and stems have too many real look-alikes ("cuando" / "cuanto", "preciso" / "precio*") to guess a typo.
const MIN_FUZZY_WORD = 7;
const MIN_FUZZY_STEM = 6;
/** From this length a word may differ by any two edits; below it, by one slip only. */
const LONG_WORD = 9;
const CACHE_LIMIT = 50_000;
const NONE: readonly number[] = Object.freeze([]);

/**
 * The vocabulary of a compiled policy: maps a ticket word to the terms it satisfies,
 * exactly, by stem, or despite a typo, cached per word. A typo is one slip (a letter dropped or added, two neighbours
 * swapped) in words of 7 or 8 letters, any two edits from 9; a stem of 6+ letters tolerates one slip before its last letter.
 */
export class TermIndex {
  readonly terms: Term[] = [];
  private readonly ids = new Map<string, number>();
  private words = new Map<string, number[]>();
  private stems = new Map<string, number[]>();
  private stemLengths: number[] = [];
  private fuzzyWords: { text: string; id: number }[] = [];
  private fuzzyStems: { text: string; id: number }[] = [];
  private readonly cache = new Map<string, readonly number[]>();

  intern(term: Term): number {
    const key = `${term.kind}:${term.fuzzy ? '~' : '='}${term.text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(key, id);
    }
    return id;
  }

  /** Builds the lookup tables once every pattern is interned. */
  freeze(): void {
    const push = (m: Map<string, number[]>, k: string, id: number) => {
      const list = m.get(k);
      if (list) list.push(id);
      else m.set(k, [id]);
    };
    this.terms.forEach((t, id) => {
      if (t.kind === 'word') push(this.words, t.text, id);
      else push(this.stems, t.text, id);
      if (t.fuzzy && t.text.length >= (t.kind === 'word' ? MIN_FUZZY_WORD - 1 : MIN_FUZZY_STEM))
        (t.kind === 'word' ? this.fuzzyWords : this.fuzzyStems).push({ text: t.text, id });
    });
    this.stemLengths = [...new Set([...this.stems.keys()].map((s) => s.length))].sort((a, b) => a - b);
    this.cache.clear();
  }

  lookup(word: string): readonly number[] {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const found = this.resolve(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private resolve(word: string): readonly number[] {
    const out: number[] = [...(this.words.get(word) ?? [])];
    for (const len of this.stemLengths) {
      if (len > word.length) break;
      const ids = this.stems.get(word.slice(0, len));
      if (ids) out.push(...ids);
    }
    if (out.length > 0) return out;
    if (/\d/.test(word)) return NONE;
    const first = word.charCodeAt(0);
    if (word.length >= MIN_FUZZY_WORD) {
      const long = word.length >= LONG_WORD;
      for (const w of this.fuzzyWords) {
        if (w.text.charCodeAt(0) !== first || Math.abs(w.text.length - word.length) > (long ? 2 : 1)) continue;
        if (long ? boundedEditDistance(word, w.text, 2) <= 2 : oneLetterSlip(word, w.text)) out.push(w.id);
      }
    }
    for (const s of this.fuzzyStems) {
      if (s.text.charCodeAt(0) !== first || word.length < s.text.length - 1) continue;
      for (let len = s.text.length - 1; len <= Math.min(word.length, s.text.length + 1); len++) {
        const start = word.slice(0, len);
        // A slip at the stem's last letter is no typo: "preci|so" would read as "precio*".
        if (oneLetterSlip(start, s.text) && firstDifference(start, s.text) < s.text.length - 1) {
          out.push(s.id);
          break;
        }
      }
    }
    return out.length > 0 ? out : NONE;
  }
}
