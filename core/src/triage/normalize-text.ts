import { foldText } from './fold-text.js';
import { isSpace } from './is-space.js';
import { TOP_LEVEL_DOMAIN_ALTERNATION, TOP_LEVEL_DOMAINS } from './top-level-domains.js';
import { urlOrEmailSpans } from './url-or-email-spans.js';

const JOINERS = /[-'’]/g;
const RUN3 = /(.)\1{2,}/g;
const TRAILING_DOUBLE_VOWEL = /([aeiou])\1$/;

const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 50_000;

/** Lower-case, no accents, no inner hyphens/apostrophes, shouting collapsed ("FACTURAAA" → "factura"). */
export function normalizeWord(raw: string): string {
  const hit = wordCache.get(raw);
  if (hit !== undefined) return hit;
  const w = normalizeUncached(raw);
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(raw, w);
  return w;
}

function normalizeUncached(raw: string): string {
  let w = foldText(raw);
  if (w.includes('-') || w.includes("'") || w.includes('’')) w = w.replace(JOINERS, '');
  w = w.replace(RUN3, '$1');
  if (w.length > 4) w = w.replace(TRAILING_DOUBLE_VOWEL, '$1');
  return w;
}

/** A ticket has its URLs blanked only where this matches somewhere in it (global: it is run from `lastIndex`). */
const MAYBE_URL = new RegExp(`@|:\\/\\/|www\\.|\\.(?:${TOP_LEVEL_DOMAIN_ALTERNATION})\\b`, 'gi');

/**
 * Whether text[i] is a sign of a URL or e-mail: "@", "://", "www." or "." before a top-level domain (a prefix is
 * enough: "a.comb"). Every match of URL_OR_EMAIL and of MAYBE_URL holds one, in the same run of non-space characters.
 */
function urlSignAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 64) return true;
  if (c === 58) return text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47;
  if (c !== 46) return false;
  // `| 32` lower-cases an ASCII letter and makes no other character one (nor the NaN of a position outside the text).
  if ((text.charCodeAt(i - 1) | 32) === 119 && (text.charCodeAt(i - 2) | 32) === 119 && (text.charCodeAt(i - 3) | 32) === 119) return true;
  const d = text.charCodeAt(i + 1) | 32;
  if (d < 97 || d > 122) return false;
  for (const tld of TOP_LEVEL_DOMAINS) {
    let k = 0;
    while (k < tld.length && (text.charCodeAt(i + 1 + k) | 32) === tld.charCodeAt(k)) k++;
    if (k === tld.length) return true;
  }
  return false;
}

/** Contrast words open a clause whose evidence outweighs what came before ("lento, pero sí facturamos"). */
const CONTRAST = new Set([
  'pero',
  'but',
  'however',
  'porem',
  'contudo',
  'aunque',
  'although',
  'though',
  'embora',
  'embargo',
  'entretanto',
  'mientras',
]);

// Character classes by code: 1 word character, 2 clause-ending punctuation, 3 joiner inside a word (- ' ’).
// Every code from U+3000 up is a word character; the table covers them all so a lookup needs no range check.
const CLASS = new Uint8Array(0x10000).fill(1, 0x3000);
for (let c = 0; c < 0x3000; c++) {
  const ch = String.fromCharCode(c);
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) CLASS[c] = 1;
  else if ('.,;:!?¿¡()[]"\n|/'.includes(ch)) CLASS[c] = 2;
  else if ("-'’".includes(ch)) CLASS[c] = 3;
}

/** The tag bit of a word with a char above U+00FF, whose keys are lossy (see `WordScanner`). */
const WIDE = 1 << 30;
/** A scanner starts a new vocabulary after this many spellings: the table stays bounded in a long-lived process. */
const WORD_LIMIT = 50_000;
const TABLE_START = 1 << 12;

/**
 * One numbering of normalised words: a scanned word's `id` is its index in `norms`. A scanner replaces its vocabulary
 * when its table is full, so a vocabulary's identity tells whose numbering a scan's ids are in; it only grows.
 */
export type Vocabulary = { readonly norms: readonly string[] };

function slotHash(lo: number, hi: number, tag: number): number {
  const h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi ^ tag, 0x85ebca6b);
  return h ^ (h >>> 16);
}

/** Puts a word in a free slot of the table t (and spellingAt s). */
function place(t: Int32Array, s: Int32Array, lo: number, hi: number, tag: number, info: number, from: number): void {
  const mask = s.length - 1;
  let slot = slotHash(lo, hi, tag) & mask;
  while (t[slot * 4 + 2] !== 0) slot = (slot + 1) & mask;
  t[slot * 4] = lo;
  t[slot * 4 + 1] = hi;
  t[slot * 4 + 2] = tag;
  t[slot * 4 + 3] = info;
  s[slot] = from;
}

/**
 * Splits tickets into normalised words and clauses (see `scan`), numbering the words in its own vocabulary. All its state
 * is the instance's: triage keeps one per policy, and scanners never see each other's words.
 *
 * Words are interned by their raw spelling without a substring or a Map lookup. While scanning, the last eight chars of
 * a word are shifted into two int32 keys, 8 bits each: for a word below U+0100 (almost all) the keys and the length are
 * its last eight chars exactly, so only the chars before those are compared, with a copy in `pool` (none for a word of
 * at most 8 chars). A word with a wider char has lossy keys and compares all its chars.
 * Open addressing over a flat table: slot s holds [low key, high key, tag, info] (tag: the length, plus WIDE; 0 for a
 * free slot), its spelling starts at spellingAt[s] in `pool`. A word's info is all the scan needs, in the slot it has
 * just read: the id of its normalised form << 2 | its contrast flags (bit 1: a contrast word; bit 2: Portuguese "mas"
 * spelt without accent, a contrast after a comma).
 */
export class WordScanner {
  private readonly wordLimit: number;
  private table = new Int32Array(TABLE_START * 4);
  private spellingAt = new Int32Array(TABLE_START);
  private pool = new Uint16Array(1 << 15);
  private poolLen = 0;
  private spellings = 0;
  /** Normalised forms by id (the current vocabulary's), and their ids. */
  private norms: string[] = [];
  private normIds = new Map<string, number>();
  private vocabulary: Vocabulary = { norms: this.norms };

  /** `wordLimit`: spellings kept before a new vocabulary is started (small only in tests). */
  constructor(wordLimit = WORD_LIMIT) {
    this.wordLimit = wordLimit;
  }

  private clearWords(): void {
    this.table = new Int32Array(TABLE_START * 4);
    this.spellingAt = new Int32Array(TABLE_START);
    this.pool = new Uint16Array(1 << 15);
    this.poolLen = 0;
    this.spellings = 0;
    this.norms = [];
    this.normIds = new Map();
    this.vocabulary = { norms: this.norms };
  }

  /** The info of the word text[start, start + length) with keys lo, hi and tag, or -1 if it is not interned yet. */
  private findWord(text: string, start: number, lo: number, hi: number, tag: number): number {
    const t = this.table;
    const mask = (t.length >> 2) - 1;
    for (let slot = slotHash(lo, hi, tag) & mask; ; slot = (slot + 1) & mask) {
      const b = slot << 2;
      const slotTag = t[b + 2]!;
      if (slotTag === 0) return -1;
      if (slotTag !== tag || t[b] !== lo || t[b + 1] !== hi) continue;
      const len = tag & (WIDE - 1);
      const checked = tag === len ? len - 8 : len;
      let k = 0;
      if (checked > 0) {
        const from = this.spellingAt[slot]!;
        const pool = this.pool;
        while (k < checked && pool[from + k] === text.charCodeAt(start + k)) k++;
      }
      if (k >= checked) return t[b + 3]!;
    }
  }

  /** Interns the word text[start, end) with keys lo, hi and tag; returns its info. */
  private addWord(text: string, start: number, end: number, lo: number, hi: number, tag: number): number {
    const len = end - start;
    const piece = text.slice(start, end);
    // A long slice shares the ticket's memory: copy it so the caches do not keep whole tickets alive.
    const raw = piece.length >= 13 ? ` ${piece}`.slice(1) : piece;
    const norm = normalizeWord(raw);
    let id = this.normIds.get(norm);
    if (id === undefined) {
      id = this.norms.length;
      this.normIds.set(norm, id);
      this.norms.push(norm);
    }
    // Portuguese "mas" (but) is a contrast only after a comma: Spanish "mas" is usually "más" (more) typed without its accent.
    const info = (id << 2) | (CONTRAST.has(norm) ? 1 : 0) | (norm === 'mas' && raw.toLowerCase() === 'mas' ? 2 : 0);
    if (this.poolLen + len > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + len));
      grown.set(this.pool.subarray(0, this.poolLen));
      this.pool = grown;
    }
    const from = this.poolLen;
    const pool = this.pool;
    for (let k = 0; k < len; k++) pool[from + k] = text.charCodeAt(start + k);
    this.poolLen += len;
    this.spellings++;
    if (this.spellings * 2 > this.spellingAt.length) {
      // Keep the table at most half full.
      const t = this.table;
      const at = this.spellingAt;
      const grown = new Int32Array(t.length * 2);
      const grownAt = new Int32Array(at.length * 2);
      for (let b = 0; b < t.length; b += 4) if (t[b + 2] !== 0) place(grown, grownAt, t[b]!, t[b + 1]!, t[b + 2]!, t[b + 3]!, at[b >> 2]!);
      this.table = grown;
      this.spellingAt = grownAt;
    }
    place(this.table, this.spellingAt, lo, hi, tag, info, from);
    return info;
  }

  /**
   * Splits a ticket into normalised words and clauses, into new arrays or into those of `refill` (an earlier result its
   * owner no longer reads: allocating them for every ticket costs a tenth of a triage). A clause ends at punctuation
   * (. , ; : ! ? ¿ ¡ ( ) [ ] " | / and a line break), and a contrast word ("pero", "but", "porém"; Portuguese "mas" after a
   * comma) opens a new one.
   *
   * URLs and e-mails are blanked (see `blankRuns`) when MAYBE_URL matches the ticket. Instead of a pass of its own, this
   * is settled at the first sign of a URL (see `urlSignAt`) or the first word not interned yet, whichever the scan meets
   * first: no run of non-space characters before the current one holds a sign, so blanking changes nothing before it, and
   * the words scanned so far were interned already (words are interned in the order of the final text, which numbers the
   * ids). The scan then goes back to the last word that ends before the current run and goes on over the final text.
   */
  scan(raw: string, refill?: Words): Words {
    if (this.spellings >= this.wordLimit) this.clearWords();
    const w = refill ?? emptyWords(raw.length);
    w.text = raw;
    w.vocabulary = this.vocabulary;
    openClause(w, 0, false);
    const wordNorms = w.norm;
    const norms = this.norms;
    let { start: starts, end: ends, clause: clauseOf, id: ids } = w;
    const n = raw.length;
    const cls = CLASS;
    let text = raw;
    let settled = false;
    let count = 0;
    scan: for (;;) {
      // The state after the last word kept (a word's clause already counts a contrast word opening it).
      let i = count > 0 ? w.end[count - 1]! : 0;
      let clause = count > 0 ? w.clause[count - 1]! : 0;
      let clauseHasWord = count > 0;
      let lastWasComma = false;
      while (i < n) {
        let c = text.charCodeAt(i);
        const k = cls[c]!;
        if (k !== 1) {
          if (!settled && (c === 64 || c === 58 || c === 46) && urlSignAt(text, i)) {
            settled = true;
            text = blankedFromRun(raw, runStart(raw, i));
            count = wordsBefore(w, count, runStart(raw, i));
            continue scan;
          }
          if (k === 2) {
            if (clauseHasWord) {
              clause++;
              openClause(w, clause, false);
              clauseHasWord = false;
            }
            lastWasComma = c === 44;
          }
          i++;
          continue;
        }
        const start = i;
        // The word's last eight chars, 8 bits each (see `WordScanner`), and all its chars or-ed together.
        let lo = c;
        let hi = 0;
        let wide = c;
        for (;;) {
          i++;
          if (i >= n) break;
          c = text.charCodeAt(i);
          const ck = cls[c]!;
          if (ck !== 1) {
            if (ck !== 3 || i + 1 >= n) break;
            const d = text.charCodeAt(i + 1);
            if (cls[d] !== 1) break;
            hi = (hi << 8) | (lo >>> 24);
            lo = (lo << 8) | c;
            wide |= c;
            i++;
            c = d;
          }
          hi = (hi << 8) | (lo >>> 24);
          lo = (lo << 8) | c;
          wide |= c;
        }
        const tag = wide < 0x100 ? i - start : (i - start) | WIDE;
        let info = this.findWord(text, start, lo, hi, tag);
        if (info < 0) {
          if (!settled) {
            settled = true;
            text = blankedFromRun(raw, runStart(raw, start));
            count = wordsBefore(w, count, runStart(raw, start));
            continue scan;
          }
          info = this.addWord(text, start, i, lo, hi, tag);
        }
        const contrast = (info & 1) !== 0 || ((info & 2) !== 0 && lastWasComma);
        lastWasComma = false;
        if (contrast) {
          clause++;
          openClause(w, clause, true);
        }
        clauseHasWord = true;
        if (count >= starts.length) {
          grow(w, count + 1);
          ({ start: starts, end: ends, clause: clauseOf, id: ids } = w);
        }
        starts[count] = start;
        ends[count] = i;
        clauseOf[count] = clause;
        ids[count] = info >> 2;
        wordNorms[count] = norms[info >> 2]!;
        count++;
      }
      w.n = count;
      w.clauses = clause + 1;
      return w;
    }
  }
}

/**
 * `raw` with URLs and e-mails blanked from `from` on, as `raw.replace(URL_OR_EMAIL, spaces)` does (see `urlOrEmailSpans`),
 * given that no run of non-space characters before `from` holds a sign of a URL (see `urlSignAt`). A match never contains
 * white space, and the regex only looks at its neighbours through \b (white space and the text's ends are alike to it), so
 * it is run on each run of non-space characters that holds a sign.
 */
function blankRuns(raw: string, from: number): string {
  const n = raw.length;
  // The result's pieces, joined once: rebuilding the whole text at each URL made a text of many URLs cost its square.
  const pieces: string[] = [];
  let copied = 0;
  let i = from;
  while (i < n) {
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    const start = i;
    let candidate = false;
    while (i < n) {
      const c = raw.charCodeAt(i);
      if (isSpace(c)) break;
      if (!candidate && (c === 64 || c === 58 || c === 46)) candidate = urlSignAt(raw, i);
      i++;
    }
    if (!candidate) continue;
    const spans = urlOrEmailSpans(raw.slice(start, i));
    for (let k = 0; k < spans.length; k += 2) {
      pieces.push(raw.slice(copied, start + spans[k]!), ' '.repeat(spans[k + 1]! - spans[k]!));
      copied = start + spans[k + 1]!;
    }
  }
  if (pieces.length === 0) return raw;
  pieces.push(raw.slice(copied));
  return pieces.join('');
}

/**
 * A ticket's words as flat arrays, for the triage: word i is text[start[i], end[i]), normalised norm[i] (id[i] in
 * `vocabulary`), in clause clause[i]; afterContrast[c] is 1 when clause c opens with a contrast word.
 * A result stays valid until its owner hands it back to `WordScanner.scan` to be refilled.
 */
export type Words = {
  text: string;
  n: number;
  start: Int32Array;
  end: Int32Array;
  clause: Int32Array;
  id: Int32Array;
  norm: string[];
  clauses: number;
  afterContrast: Uint8Array;
  vocabulary: Vocabulary;
};

/** Room for the words of a text of `chars` characters: most words are longer than four characters with their space. */
function emptyWords(chars: number): Words {
  const room = (chars >> 2) + 16;
  return {
    text: '',
    n: 0,
    start: new Int32Array(room),
    end: new Int32Array(room),
    clause: new Int32Array(room),
    id: new Int32Array(room),
    norm: [],
    clauses: 0,
    afterContrast: new Uint8Array(16),
    vocabulary: { norms: [] },
  };
}

function grow(w: Words, n: number): void {
  const size = Math.max(n, w.start.length * 2);
  const copy = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  w.start = copy(w.start);
  w.end = copy(w.end);
  w.clause = copy(w.clause);
  w.id = copy(w.id);
}

function openClause(w: Words, clause: number, contrast: boolean): void {
  if (clause >= w.afterContrast.length) {
    const b = new Uint8Array(clause * 2 + 2);
    b.set(w.afterContrast);
    w.afterContrast = b;
  }
  w.afterContrast[clause] = contrast ? 1 : 0;
}

/** Where the run of non-space characters holding raw[i] starts. */
function runStart(raw: string, i: number): number {
  while (i > 0 && !isSpace(raw.charCodeAt(i - 1))) i--;
  return i;
}

/** `raw` with URLs and e-mails blanked (see `blankRuns`) if MAYBE_URL matches from `from` on. */
function blankedFromRun(raw: string, from: number): string {
  MAYBE_URL.lastIndex = from;
  const maybe = MAYBE_URL.test(raw);
  MAYBE_URL.lastIndex = 0;
  return maybe ? blankRuns(raw, from) : raw;
}

/** How many of the first `count` words blanking from `from` on leaves alone: a word's end is found by looking at most one char past it. */
function wordsBefore(w: Words, count: number, from: number): number {
  while (count > 0 && w.end[count - 1]! + 1 >= from) count--;
  return count;
}
