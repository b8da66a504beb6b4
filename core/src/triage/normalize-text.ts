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
type WordRecord = { raw: string; norm: string; id: number; contrast: boolean; mas: boolean };
const WORD_LIMIT = 50_000;
const TABLE_START = 1 << 12;
let tableIndex = new Int32Array(TABLE_START); // record index + 1, open addressing
let tableHash = new Int32Array(TABLE_START);
let records: WordRecord[] = [];
let normIds = new Map<string, number>();
let epoch = 0;

function clearWords(): void {
  tableIndex = new Int32Array(TABLE_START);
  tableHash = new Int32Array(TABLE_START);
  records = [];
  normIds = new Map();
  epoch++;
}

/** The current numbering of normalised words: the `id`s of scanned words are valid while this is unchanged. */
export function wordEpoch(): number {
  return epoch;
}

function place(index: Int32Array, hashes: Int32Array, hash: number, at: number): void {
  const mask = index.length - 1;
  let slot = hash & mask;
  while (index[slot] !== 0) slot = (slot + 1) & mask;
  index[slot] = at;
  hashes[slot] = hash;
}

function internWord(text: string, start: number, end: number, hash: number): WordRecord {
  const mask = tableIndex.length - 1;
  const len = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = tableIndex[slot]!;
    if (at === 0) break;
    if (tableHash[slot] !== hash) continue;
    const r = records[at - 1]!;
    if (r.raw.length === len && text.startsWith(r.raw, start)) return r;
  }
  const piece = text.slice(start, end);
  // A long slice shares the ticket's memory: copy it so the table does not keep whole tickets alive.
  const raw = piece.length >= 13 ? (' ' + piece).slice(1) : piece;
  const norm = normalizeWord(raw);
  let id = normIds.get(norm);
  if (id === undefined) {
    id = normIds.size;
    normIds.set(norm, id);
  }
  // Portuguese "mas" (but) is a contrast only after a comma: Spanish "mas" is usually "más" (more) typed without its accent.
  const r: WordRecord = { raw, norm, id, contrast: CONTRAST.has(norm), mas: norm === 'mas' && raw.toLowerCase() === 'mas' };
  records.push(r);
  if (records.length * 2 > tableIndex.length) {
    // Keep the table at most half full.
    const index = new Int32Array(tableIndex.length * 2);
    const hashes = new Int32Array(tableIndex.length * 2);
    for (let slot = 0; slot < tableIndex.length; slot++) if (tableIndex[slot] !== 0) place(index, hashes, tableHash[slot]!, tableIndex[slot]!);
    tableIndex = index;
    tableHash = hashes;
  }
  place(tableIndex, tableHash, hash, records.length);
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
  if (records.length >= WORD_LIMIT) clearWords();
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
    const contrast = r.contrast || (r.mas && lastWasComma);
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
    w.id[count] = r.id;
    norms[count] = r.norm;
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
