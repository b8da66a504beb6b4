/** One word of the ticket: its normalised form, where it stands in the original text, and its clause. */
export type Token = { norm: string; start: number; end: number; clause: number };
export type Clause = { afterContrast: boolean };
export type TokenizedText = { text: string; tokens: Token[]; clauses: Clause[] };

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;
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
  let w = raw.toLowerCase();
  if (!ASCII.test(w)) w = w.normalize('NFD').replace(MARKS, '');
  if (w.includes('-') || w.includes("'") || w.includes('’')) w = w.replace(JOINERS, '');
  w = w.replace(RUN3, '$1');
  if (w.length > 4) w = w.replace(TRAILING_DOUBLE_VOWEL, '$1');
  return w;
}

/** Normalises free text the same way as words (for lookups of whole phrases). */
export function normalizeText(raw: string): string {
  return raw
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeWord)
    .join(' ');
}

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|co|net|org|io|es|pt|br|cl|app)(?:\/\S*)?/gi;
const MAYBE_URL = /@|:\/\/|www\.|\.(?:com|co|net|org|io|es|pt|br|cl|app)\b/i;

/** Contrast words open a clause whose evidence outweighs what came before ("lento, pero sí facturamos"). */
const CONTRAST = new Set(['pero', 'but', 'however', 'porem', 'contudo', 'aunque', 'although', 'though', 'embora', 'embargo', 'entretanto', 'mientras']);

// Character classes by code: 1 word character, 2 clause-ending punctuation, 3 joiner inside a word (- ' ’).
const CLASS = new Uint8Array(0x3000);
for (let c = 0; c < CLASS.length; c++) {
  const ch = String.fromCharCode(c);
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) CLASS[c] = 1;
  else if ('.,;:!?¿¡()[]"\n|/'.includes(ch)) CLASS[c] = 2;
  else if ("-'’".includes(ch)) CLASS[c] = 3;
}

// Words of tickets, interned by their raw spelling: hashed straight from the text's char codes, so a word seen
// before costs neither a substring nor a Map lookup. `id` numbers distinct normalised forms densely (per `epoch`).
// Open addressing over flat tables: slot s holds [hash, record + 1, start of the raw spelling in `pool`, its length],
// so a lookup compares char codes in one typed array and touches no object.
const WORD_LIMIT = 50_000;
const TABLE_START = 1 << 12;
let table = new Int32Array(TABLE_START * 4);
let pool = new Uint16Array(1 << 15);
let poolLen = 0;
let recordCount = 0;
let recId = new Int32Array(1024);
/** Bit 1: a contrast word; bit 2: Portuguese "mas" spelt without accent (a contrast after a comma). */
let recFlags = new Uint8Array(1024);
let recNorm: string[] = [];
let normIds = new Map<string, number>();
let epoch = 0;

function clearWords(): void {
  table = new Int32Array(TABLE_START * 4);
  pool = new Uint16Array(1 << 15);
  poolLen = 0;
  recordCount = 0;
  recNorm = [];
  normIds = new Map();
  epoch++;
}

/** The current numbering of normalised words: the `id`s of scanned words are valid while this is unchanged. */
export function wordEpoch(): number {
  return epoch;
}

function place(t: Int32Array, hash: number, at: number, from: number, len: number): void {
  const mask = (t.length >> 2) - 1;
  let slot = hash & mask;
  while (t[slot * 4 + 1] !== 0) slot = (slot + 1) & mask;
  t[slot * 4] = hash;
  t[slot * 4 + 1] = at;
  t[slot * 4 + 2] = from;
  t[slot * 4 + 3] = len;
}

/** The record of the word text[start, end) (hash: its FNV-1a hash), added if new. */
function internWord(text: string, start: number, end: number, hash: number): number {
  const t = table;
  const mask = (t.length >> 2) - 1;
  const len = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const b = slot * 4;
    const at = t[b + 1]!;
    if (at === 0) break;
    if (t[b] !== hash || t[b + 3] !== len) continue;
    const from = t[b + 2]!;
    let k = 0;
    while (k < len && pool[from + k] === text.charCodeAt(start + k)) k++;
    if (k === len) return at - 1;
  }
  const piece = text.slice(start, end);
  // A long slice shares the ticket's memory: copy it so the caches do not keep whole tickets alive.
  const raw = piece.length >= 13 ? (' ' + piece).slice(1) : piece;
  const norm = normalizeWord(raw);
  let id = normIds.get(norm);
  if (id === undefined) {
    id = normIds.size;
    normIds.set(norm, id);
  }
  const r = recordCount++;
  if (r >= recId.length) {
    const ids = new Int32Array(recId.length * 2);
    ids.set(recId);
    recId = ids;
    const flags = new Uint8Array(recFlags.length * 2);
    flags.set(recFlags);
    recFlags = flags;
  }
  recId[r] = id;
  // Portuguese "mas" (but) is a contrast only after a comma: Spanish "mas" is usually "más" (more) typed without its accent.
  recFlags[r] = (CONTRAST.has(norm) ? 1 : 0) | (norm === 'mas' && raw.toLowerCase() === 'mas' ? 2 : 0);
  recNorm[r] = norm;
  if (poolLen + len > pool.length) {
    const grown = new Uint16Array(Math.max(pool.length * 2, poolLen + len));
    grown.set(pool.subarray(0, poolLen));
    pool = grown;
  }
  const from = poolLen;
  for (let k = 0; k < len; k++) pool[from + k] = text.charCodeAt(start + k);
  poolLen += len;
  if (recordCount * 2 > t.length >> 2) {
    // Keep the table at most half full.
    const grown = new Int32Array(t.length * 2);
    for (let b = 0; b < t.length; b += 4) if (t[b + 1] !== 0) place(grown, t[b]!, t[b + 1]!, t[b + 2]!, t[b + 3]!);
    table = grown;
  }
  place(table, hash, r + 1, from, len);
  return r;
}

// JavaScript's \s, by char code (below 0x3000 by table).
const SPACE = new Uint8Array(0x3000);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f]) SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE[c] = 1;
const isSpace = (c: number) => (c < 0x3000 ? SPACE[c] === 1 : c === 0x3000 || c === 0xfeff);

/**
 * `raw` with URLs and e-mails blanked, as `raw.replace(URL_OR_EMAIL, spaces)` does. A match never contains white space,
 * and the regex only looks at its neighbours through \b (white space and the text's ends are alike to it), so it is run
 * on each run of non-space characters that could hold a match: one with "@", "/", or a "." followed by something.
 */
export function blankUrls(raw: string): string {
  const n = raw.length;
  let out: string | null = null;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    const start = i;
    let candidate = false;
    while (i < n) {
      const c = raw.charCodeAt(i);
      if (isSpace(c)) break;
      if (c === 64 || c === 47 || (c === 46 && i + 1 < n && !isSpace(raw.charCodeAt(i + 1)))) candidate = true;
      i++;
    }
    if (!candidate) continue;
    const run = raw.slice(start, i);
    const blanked = run.replace(URL_OR_EMAIL, (m) => ' '.repeat(m.length));
    if (blanked !== run) out = (out ?? raw).slice(0, start) + blanked + (out ?? raw).slice(i);
  }
  return out ?? raw;
}

/**
 * A ticket's words as flat arrays, for the triage: word i is text[start[i], end[i]), normalised norm[i] (id[i] in the
 * word table of `epoch`), in clause clause[i]; afterContrast[c] is 1 when clause c opens with a contrast word.
 * The arrays are reused: the result is valid until the next call of `scanWords`.
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
  epoch: number;
};

const words: Words = {
  text: '',
  n: 0,
  start: new Int32Array(256),
  end: new Int32Array(256),
  clause: new Int32Array(256),
  id: new Int32Array(256),
  norm: [],
  clauses: 0,
  afterContrast: new Uint8Array(64),
  epoch: 0,
};

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

/** Splits a ticket into normalised words and clauses (see `tokenize`), into the reused `Words`. */
export function scanWords(raw: string): Words {
  const text = MAYBE_URL.test(raw) ? blankUrls(raw) : raw;
  if (recordCount >= WORD_LIMIT) clearWords();
  const w = words;
  w.text = raw;
  w.epoch = epoch;
  const norms = w.norm;
  let count = 0;
  let clause = 0;
  openClause(w, 0, false);
  let clauseHasWord = false;
  let lastWasComma = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    const k = c < 0x3000 ? CLASS[c]! : 1;
    if (k === 2) {
      if (clauseHasWord) {
        clause++;
        openClause(w, clause, false);
        clauseHasWord = false;
      }
      lastWasComma = c === 44;
      i++;
      continue;
    }
    if (k !== 1) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (;;) {
      hash = Math.imul(hash ^ c, 0x01000193);
      i++;
      if (i >= n) break;
      c = text.charCodeAt(i);
      const ck = c < 0x3000 ? CLASS[c]! : 1;
      if (ck === 1) continue;
      if (ck === 3 && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if ((d < 0x3000 ? CLASS[d]! : 1) === 1) {
          hash = Math.imul(hash ^ c, 0x01000193);
          i++;
          c = d;
          continue;
        }
      }
      break;
    }
    const r = internWord(text, start, i, hash);
    const flags = recFlags[r]!;
    const contrast = (flags & 1) !== 0 || ((flags & 2) !== 0 && lastWasComma);
    lastWasComma = false;
    if (contrast) {
      clause++;
      openClause(w, clause, true);
    }
    clauseHasWord = true;
    if (count >= w.start.length) grow(w, count + 1);
    w.start[count] = start;
    w.end[count] = i;
    w.clause[count] = clause;
    w.id[count] = recId[r]!;
    norms[count] = recNorm[r]!;
    count++;
  }
  w.n = count;
  w.clauses = clause + 1;
  return w;
}

/** Splits a ticket into normalised words and clauses, keeping each word's place in the original text. */
export function tokenize(raw: string): TokenizedText {
  const w = scanWords(raw);
  const tokens: Token[] = [];
  for (let i = 0; i < w.n; i++) tokens.push({ norm: w.norm[i]!, start: w.start[i]!, end: w.end[i]!, clause: w.clause[i]! });
  const clauses: Clause[] = [];
  for (let c = 0; c < w.clauses; c++) clauses.push({ afterContrast: w.afterContrast[c] === 1 });
  return { text: raw, tokens, clauses };
}
