import type { CompiledTriage, Entry } from './compile-triage.js';
import { type Match, NEGATION_WINDOW } from './find-matches-plainly.js';
import type { Vocabulary, Words } from './normalize-text.js';

export type { Match } from './find-matches-plainly.js';

const WORD_CACHE_LIMIT = 50_000;
// Fields of a trie node record (see `Tables.node`).
const SLOT = 0;
const GAP = 1;
const CHILDREN = 2;
const TERMINALS = 3;
// Fields of a root record (see `Search.rootRecords`).
const SEARCHED = 0;
const PREPARED = 1;
const PRESENT_AT = 2;
const PRESENT_LEN = 3;
// Fields of a slot record (see `Search.slotRecords`).
const SEEN = 0;
const HEAD = 1;
const TAIL = 2;
const CURSOR = 3;
/** The record in `wordRecords` of every word with no term: no terms, no slots. */
const NO_TERMS = 0;

/**
 * A compiled policy's entries as flat integer tables, so matching allocates nothing per attempt: each entry's later
 * slots and gaps, and per distinct first slot a trie of the later slots, so that a start word visits only the prefixes
 * that can follow it and every entry sharing a prefix is settled with it. Built once per policy, never changed.
 */
type Tables = {
  /** The tries a word of term `id` starts: rootList[rootStart[id] .. rootStart[id + 1]). */
  rootStart: Int32Array;
  rootList: Int32Array;
  roots: number;
  /** Rule key of each entry. */
  entryKey: Int32Array;
  /** Later slots of entry e: slotFlat/gapFlat[restStart[e] .. restStart[e + 1]). */
  restStart: Int32Array;
  slotFlat: Int32Array;
  gapFlat: Int32Array;
  /**
   * Trie nodes, numbered breadth-first so that siblings stand side by side: the roots come first (their terminals are
   * the single-slot entries), and the children of node k are the nodes from node[k * 4 + CHILDREN] to
   * node[(k + 1) * 4 + CHILDREN]. Each node's fields side by side, one cache line for a visit: its slot, the most words
   * allowed before it (roots: -1, 0), its first child, and its first terminal: the entries (ascending) whose later slots
   * end there, terminalList[node[k * 4 + TERMINALS] .. node[(k + 1) * 4 + TERMINALS]).
   */
  node: Int32Array;
  terminalList: Int32Array;
  entries: Entry[];
  slots: number;
  ruleKeys: number;
};

/**
 * The fast path of phrase matching: a policy's patterns compiled into tries, and what each word seen so far means to
 * them. `find` returns exactly what `findMatchesPlainly` (the definition) returns. All state is this instance's: any
 * number of matchers, for one policy or several, can be used in any order, and a result never changes afterwards.
 */
export class PhraseMatcher {
  private readonly compiled: CompiledTriage;
  readonly tables: Tables;
  /**
   * What each normalised word seen so far means to the policy, as its word code: the terms it satisfies and the slots
   * those fill (each once) are in wordRecords from code >> 1 as [terms, ...ids, slots, ...sids], and code & 1 tells
   * whether it negates. The many words with no term share the record at NO_TERMS, which stays in cache.
   */
  private readonly wordCodes = new Map<string, number>();
  wordRecords = new Int32Array(1024);
  private wordRecordsLength = NO_TERMS + 2;
  /** Word code + 1 by word id of `vocabulary`, the last text's (0: not looked up yet). */
  codeById = new Int32Array(256);
  private vocabulary: Vocabulary | null = null;
  /** A search's scratch tables, kept for the next call; a call that finds it taken makes its own. */
  private idle: Search | null = null;

  constructor(compiled: CompiledTriage) {
    this.compiled = compiled;
    this.tables = buildTables(compiled);
  }

  /** Every rule match in the text, at most one per rule and start word; patterns never cross a clause. */
  find(words: Words): Match[] {
    const search = this.idle ?? new Search(this.tables);
    this.idle = null;
    try {
      return search.run(this, words);
    } finally {
      this.idle = search;
    }
  }

  /** Prepares the word table for a text: the codes by word id are kept while texts come from the same vocabulary. */
  beginText(words: Words): void {
    // The word table is bounded; it is emptied only between texts, so word codes hold for a whole text.
    if (this.wordCodes.size + words.n > WORD_CACHE_LIMIT) {
      this.wordCodes.clear();
      this.wordRecordsLength = NO_TERMS + 2;
      this.vocabulary = null;
    }
    // Word ids number the words of one vocabulary only: a text from another one starts the codes by id afresh.
    if (this.vocabulary !== words.vocabulary) {
      this.codeById.fill(0);
      this.vocabulary = words.vocabulary;
    }
  }

  /** The word code of word p of the text (see `wordCodes`), by its id. */
  codeOf(words: Words, p: number): number {
    const id = words.id[p]!;
    if (id >= this.codeById.length) {
      const grown = new Int32Array(Math.max(id + 1, this.codeById.length * 2));
      grown.set(this.codeById);
      this.codeById = grown;
    }
    const known = this.codeById[id]!;
    if (known > 0) return known - 1;
    const code = this.wordCode(words.norm[p]!);
    this.codeById[id] = code + 1;
    return code;
  }

  /** The word code of a normalised word, looked up (terms, slots, negation) the first time. */
  private wordCode(norm: string): number {
    const hit = this.wordCodes.get(norm);
    if (hit !== undefined) return hit;
    const compiled = this.compiled;
    const ids = compiled.index.lookup(norm);
    const negates = compiled.negators.has(norm) ? 1 : 0;
    if (ids.length === 0) {
      this.wordCodes.set(norm, (NO_TERMS << 1) | negates);
      return (NO_TERMS << 1) | negates;
    }
    const slots = new Set<number>();
    for (const id of ids) for (const sid of compiled.termSlots[id]!) slots.add(sid);
    const need = this.wordRecordsLength + 2 + ids.length + slots.size;
    if (need > this.wordRecords.length) {
      const grown = new Int32Array(need * 2);
      grown.set(this.wordRecords.subarray(0, this.wordRecordsLength));
      this.wordRecords = grown;
    }
    const records = this.wordRecords;
    const at = this.wordRecordsLength;
    let k = at;
    records[k++] = ids.length;
    for (const id of ids) records[k++] = id;
    records[k++] = slots.size;
    for (const sid of slots) records[k++] = sid;
    this.wordRecordsLength = k;
    this.wordCodes.set(norm, (at << 1) | negates);
    return (at << 1) | negates;
  }
}

/**
 * One search's scratch tables, grown on demand and reused by the next search of the same matcher. Tables stamped with
 * `callStamp` (or `startStamp`) are valid only for the stamp's call (start word), so nothing needs emptying between calls.
 */
class Search {
  private readonly tables: Tables;
  /** Numbers the calls (a slot or root record belongs to the call whose stamp it holds). */
  private callStamp = 0;
  /** Numbers the start words of all calls, for a root record's SEARCHED. */
  private startStamp = 0;
  /** Clause of each word of the current text. */
  private clauseOf: Int32Array = new Int32Array(0);
  /** Negation words before each position: negationsBefore[p] counts those among words 0 .. p - 1. */
  private negationsBefore = new Int32Array(257);
  /** First word of each clause. */
  private clauseStart = new Int32Array(64);
  /** The word record (wordRecords offset) of each word of the current text. */
  private wordRecordAt = new Int32Array(256);
  /** Words in the current text: no slot has more positions. */
  private wordCount = 0;
  /**
   * The positions filling each slot, ascending, as a list threaded through the (slot, position) pairs read in position
   * order: the slot record's HEAD, then the pair at k stands at pairs[k] and links to pairs[k + 1] (-1 ends it). Per slot
   * sid, side by side at slotRecords[sid * 4 ..] (one cache line per slot): SEEN, the call that touched it last; its
   * list's HEAD and TAIL; and its CURSOR, its first pair not before the current start word (start words only move
   * forward). A slot's fields are valid only when SEEN is the current call's stamp.
   */
  private slotRecords: Int32Array;
  private pairs = new Int32Array(2048);
  /**
   * Per trie root, side by side (one cache line per root): SEARCHED, the start word that last searched it; PREPARED, the
   * call whose root children present in the ticket are at presentChildren[PRESENT_AT .. + PRESENT_LEN).
   */
  private readonly rootRecords: Int32Array;
  /** Per root prepared in this call, its children whose slot is somewhere in the ticket, as (child, slot, gap) triples. */
  private presentChildren = new Int32Array(1024);
  private presentTop = 0;
  /** Positions of the match being extended, by slot (0: the start word). */
  private positions = new Int32Array(64);
  /** Start word of the last match of each rule key: one match per rule and start word is enough. */
  private lastStartOfRule: Int32Array;
  /** Reachable positions of the trie nodes on the current path, one after another; reach[0] is the start word. */
  private reach = new Int32Array(1024);
  private reachTop = 1;
  /** The entries matched from the current start word and term, in trie order. */
  private matched = new Int32Array(256);
  private matchedLength = 0;
  /** The current start word: every search below is for positions after it. */
  private startWord = 0;

  constructor(tables: Tables) {
    this.tables = tables;
    this.slotRecords = new Int32Array(tables.slots * 4);
    this.rootRecords = new Int32Array(tables.roots * 4).fill(-1);
    this.lastStartOfRule = new Int32Array(tables.ruleKeys);
  }

  run(matcher: PhraseMatcher, words: Words): Match[] {
    const n = words.n;
    const tables = this.tables;
    this.clauseOf = words.clause;
    this.wordCount = n;
    if (this.negationsBefore.length < n + 1) this.negationsBefore = new Int32Array(n * 2 + 1);
    if (this.wordRecordAt.length < n) this.wordRecordAt = new Int32Array(n * 2);
    const call = (this.callStamp = (this.callStamp + 1) | 0);
    matcher.beginText(words);
    this.readWords(matcher, words, call);

    const out: Match[] = [];
    const lastStartOfRule = this.lastStartOfRule;
    lastStartOfRule.fill(-1);
    const { rootStart, rootList, entryKey, restStart, entries } = tables;
    const wordRecords = matcher.wordRecords;
    const rootRecords = this.rootRecords;
    const slotRecords = this.slotRecords;
    const clauseOf = this.clauseOf;
    const negationsBefore = this.negationsBefore;
    const wordRecordAt = this.wordRecordAt;
    const pairs = this.pairs;
    this.presentTop = 0;
    for (let p = 0; p < n; p++) {
      const termsAt = wordRecordAt[p]!;
      const termCount = wordRecords[termsAt]!;
      if (termCount === 0) continue;
      const clause = clauseOf[p]!;
      this.startWord = p;
      this.reach[0] = p;
      this.reachTop = 1;
      const start = (this.startStamp = (this.startStamp + 1) | 0);
      for (let t = termsAt + 1; t <= termsAt + termCount; t++) {
        const term = wordRecords[t]!;
        this.matchedLength = 0;
        for (let i = rootStart[term]!, rootsEnd = rootStart[term + 1]!; i < rootsEnd; i++) {
          const root = rootList[i]!;
          const rootAt = root << 2;
          // A trie shared with an earlier term of this word: its entries were reported then.
          if (rootRecords[rootAt + SEARCHED] === start) continue;
          rootRecords[rootAt + SEARCHED] = start;
          this.addTerminals(root);
          if (rootRecords[rootAt + PREPARED] !== call) this.preparePresentChildren(root, call);
          const present = this.presentChildren;
          for (let c = rootRecords[rootAt + PRESENT_AT]!, presentEnd = c + rootRecords[rootAt + PRESENT_LEN]!; c < presentEnd; c += 3) {
            // Most first later slots fail here: their first position after p is too far, in another clause or past a
            // negation (what `reachable` would find first).
            const cursorAt = (present[c + 1]! << 2) + CURSOR;
            let pair = slotRecords[cursorAt]!;
            while (pair >= 0 && pairs[pair]! <= p) pair = pairs[pair + 1]!;
            slotRecords[cursorAt] = pair;
            if (pair < 0) continue;
            const r = pairs[pair]!;
            if (r > p + 1 + present[c + 2]! || clauseOf[r] !== clause || negationsBefore[r]! - negationsBefore[p + 1]! > 0) continue;
            this.visit(present[c]!, 0, 1, clause);
          }
        }
        if (this.matchedLength === 0) continue;
        // Entries in the order the rules were written: the first of each rule is the match reported.
        const matched = this.matched;
        const matchedLength = this.matchedLength;
        sortAscending(matched, matchedLength);
        for (let i = 0; i < matchedLength; i++) {
          const e = matched[i]!;
          const key = entryKey[e]!;
          if (lastStartOfRule[key] === p) continue;
          lastStartOfRule[key] = p;
          const restFrom = restStart[e]!;
          const restTo = restStart[e + 1]!;
          if (restTo > restFrom) {
            if (this.positions.length < restTo - restFrom + 1) this.positions = new Int32Array((restTo - restFrom + 1) * 2);
            // The depth-first search gives the earliest positions that work.
            this.extend(restFrom, restTo, p, clause, 1);
          }
          const positions = new Array<number>(restTo - restFrom + 1);
          positions[0] = p;
          for (let j = 1; j < positions.length; j++) positions[j] = this.positions[j]!;
          const from = Math.max(0, p - NEGATION_WINDOW, this.clauseStart[clause]!);
          const negated = negationsBefore[p]! - negationsBefore[from]! > 0;
          const entry = entries[e]!;
          out.push({ group: entry.group, rule: entry.rule, positions, clause, negated });
        }
      }
    }
    return out;
  }

  /** Per word: its record, its clause's start, a running count of negations (a gap never skips one), its slots' lists. */
  private readWords(matcher: PhraseMatcher, words: Words, call: number): void {
    const n = words.n;
    const clauseOf = this.clauseOf;
    const negationsBefore = this.negationsBefore;
    const wordRecordAt = this.wordRecordAt;
    const slotRecords = this.slotRecords;
    let pairs = this.pairs;
    let filled = 0;
    negationsBefore[0] = 0;
    for (let p = 0; p < n; p++) {
      const code = matcher.codeOf(words, p);
      const at = code >> 1;
      wordRecordAt[p] = at;
      const clause = clauseOf[p]!;
      if (p === 0 || clause !== clauseOf[p - 1]) {
        if (clause >= this.clauseStart.length) {
          const grown = new Int32Array(clause * 2 + 2);
          grown.set(this.clauseStart);
          this.clauseStart = grown;
        }
        this.clauseStart[clause] = p;
      }
      negationsBefore[p + 1] = negationsBefore[p]! + (code & 1);
      if (at === NO_TERMS) continue;
      const records = matcher.wordRecords;
      const slotsAt = at + 1 + records[at]!;
      const slotCount = records[slotsAt]!;
      if (filled + slotCount * 2 > pairs.length) {
        const grown = new Int32Array((filled + slotCount * 2) * 2);
        grown.set(pairs.subarray(0, filled));
        this.pairs = pairs = grown;
      }
      for (let i = slotsAt + 1; i <= slotsAt + slotCount; i++) {
        const slotAt = records[i]! << 2;
        if (slotRecords[slotAt + SEEN] !== call) {
          slotRecords[slotAt + SEEN] = call;
          slotRecords[slotAt + HEAD] = filled;
          slotRecords[slotAt + CURSOR] = filled;
        } else pairs[slotRecords[slotAt + TAIL]! + 1] = filled;
        slotRecords[slotAt + TAIL] = filled;
        pairs[filled] = p;
        pairs[filled + 1] = -1;
        filled += 2;
      }
    }
  }

  /** A start word's term often comes back ("no", "de"): a root's children absent from the ticket are dropped once per call. */
  private preparePresentChildren(root: number, call: number): void {
    const node = this.tables.node;
    const rootAt = root << 2;
    const slotRecords = this.slotRecords;
    this.rootRecords[rootAt + PREPARED] = call;
    const firstChild = node[rootAt + CHILDREN]!;
    const childrenEnd = node[rootAt + 4 + CHILDREN]!;
    let top = this.presentTop;
    if (this.presentChildren.length < top + (childrenEnd - firstChild) * 3) {
      const grown = new Int32Array((top + (childrenEnd - firstChild) * 3) * 2);
      grown.set(this.presentChildren.subarray(0, top));
      this.presentChildren = grown;
    }
    const present = this.presentChildren;
    this.rootRecords[rootAt + PRESENT_AT] = top;
    for (let c = firstChild; c < childrenEnd; c++) {
      const sid = node[(c << 2) + SLOT]!;
      // Touched in this call: the slot has positions in this ticket.
      if (slotRecords[(sid << 2) + SEEN] !== call) continue;
      present[top++] = c;
      present[top++] = sid;
      present[top++] = node[(c << 2) + GAP]!;
    }
    this.rootRecords[rootAt + PRESENT_LEN] = top - this.presentTop;
    this.presentTop = top;
  }

  /**
   * The first pair of slot `sid` standing after position `pos` (at or after the start word), or -1. The walk starts at the
   * slot's cursor, its first pair after the start word, moved forward here: start words only move forward, so a slot's
   * pairs are walked past once per text plus the few within a pattern's reach of each start word (walking from the head
   * instead made a text repeating one phrase cost the square of its length).
   */
  private firstPairAfter(sid: number, pos: number): number {
    const slotAt = sid << 2;
    const slotRecords = this.slotRecords;
    if (slotRecords[slotAt + SEEN] !== this.callStamp) return -1;
    const pairs = this.pairs;
    const startWord = this.startWord;
    let k = slotRecords[slotAt + CURSOR]!;
    while (k >= 0 && pairs[k]! <= startWord) k = pairs[k + 1]!;
    slotRecords[slotAt + CURSOR] = k;
    while (k >= 0 && pairs[k]! <= pos) k = pairs[k + 1]!;
    return k;
  }

  /**
   * Depth-first over the later slots slotFlat[slot .. slotsEnd) of one entry: the next slot stands after the previous
   * one, within its gap, in the same clause, with no negation skipped; the positions found go to `positions` from `depth`.
   */
  private extend(slot: number, slotsEnd: number, previous: number, clause: number, depth: number): boolean {
    if (slot === slotsEnd) return true;
    const { slotFlat, gapFlat } = this.tables;
    const pairs = this.pairs;
    let k = this.firstPairAfter(slotFlat[slot]!, previous);
    const last = previous + 1 + gapFlat[slot]!;
    const negationsAt = this.negationsBefore[previous + 1]!;
    for (; k >= 0; k = pairs[k + 1]!) {
      const q = pairs[k]!;
      if (q > last || this.clauseOf[q] !== clause) break;
      if (this.negationsBefore[q]! - negationsAt > 0) break;
      this.positions[depth] = q;
      if (this.extend(slot + 1, slotsEnd, q, clause, depth + 1)) return true;
    }
    return false;
  }

  /**
   * The positions where a later slot (`sid`, at most `gap` words after) can stand, given the positions
   * reach[fromAt .. fromAt + fromLen) where the previous slot can: after one of them, within the gap, in the same clause,
   * with no negation skipped. This is what the depth-first `extend` explores, so a prefix with no reachable position
   * fails for every entry that shares it.
   */
  private reachable(sid: number, gap: number, fromAt: number, fromLen: number, clause: number, outAt: number): number {
    const reach = this.reach;
    const pairs = this.pairs;
    const clauseOf = this.clauseOf;
    const negationsBefore = this.negationsBefore;
    let i = this.firstPairAfter(sid, reach[fromAt]!);
    const lastFrom = fromAt + fromLen - 1;
    let k = fromAt;
    let len = 0;
    for (; i >= 0; i = pairs[i + 1]!) {
      const r = pairs[i]!;
      if (clauseOf[r] !== clause) break;
      // The latest earlier position is the best one to come from: the smallest gap, the fewest words skipped.
      while (k < lastFrom && reach[k + 1]! < r) k++;
      const q = reach[k]!;
      if (r > q + 1 + gap || negationsBefore[r]! - negationsBefore[q + 1]! > 0) {
        if (k === lastFrom) break;
        continue;
      }
      reach[outAt + len++] = r;
    }
    return len;
  }

  /** Searches trie node `node` from the positions reach[fromAt .. + fromLen); records the entries ending there, then its children. */
  private visit(node: number, fromAt: number, fromLen: number, clause: number): void {
    const nodes = this.tables.node;
    const nodeAt = node << 2;
    const need = this.reachTop + this.wordCount;
    if (this.reach.length < need) {
      const grown = new Int32Array(need * 2);
      grown.set(this.reach.subarray(0, this.reachTop));
      this.reach = grown;
    }
    const at = this.reachTop;
    const len = this.reachable(nodes[nodeAt + SLOT]!, nodes[nodeAt + GAP]!, fromAt, fromLen, clause, at);
    if (len === 0) return;
    this.reachTop = at + len;
    this.addTerminals(node);
    const slotRecords = this.slotRecords;
    const call = this.callStamp;
    for (let child = nodes[nodeAt + CHILDREN]!, childrenEnd = nodes[nodeAt + 4 + CHILDREN]!; child < childrenEnd; child++) {
      if (slotRecords[(nodes[(child << 2) + SLOT]! << 2) + SEEN] === call) this.visit(child, at, len, clause);
    }
    // This node's positions serve only its own subtree.
    this.reachTop = at;
  }

  /** Records the entries whose last slot is at trie node `node`. */
  private addTerminals(node: number): void {
    const nodes = this.tables.node;
    const from = nodes[(node << 2) + TERMINALS]!;
    const to = nodes[(node << 2) + 4 + TERMINALS]!;
    if (from === to) return;
    if (this.matched.length < this.matchedLength + to - from) {
      const grown = new Int32Array((this.matchedLength + to - from) * 2);
      grown.set(this.matched.subarray(0, this.matchedLength));
      this.matched = grown;
    }
    const matched = this.matched;
    const terminalList = this.tables.terminalList;
    let length = this.matchedLength;
    for (let i = from; i < to; i++) matched[length++] = terminalList[i]!;
    this.matchedLength = length;
  }
}

/** Sorts a[0 .. n) ascending in place: usually a handful, so by insertion. */
function sortAscending(a: Int32Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) a[j + 1] = a[j--]!;
    a[j + 1] = v;
  }
}

function buildTables(compiled: CompiledTriage): Tables {
  const terms = compiled.byFirstTerm.length;
  const entries: Entry[] = [];
  for (const list of compiled.byFirstTerm) for (const e of list) entries[e.index] = e;
  const n = entries.length;
  const entryKey = new Int32Array(n);
  const restStart = new Int32Array(n + 1);
  for (let e = 0; e < n; e++) {
    const entry = entries[e];
    restStart[e + 1] = restStart[e]! + (entry ? entry.slotIds.length : 0);
    if (entry) entryKey[e] = entry.key;
  }
  const slotFlat = new Int32Array(restStart[n]!);
  const gapFlat = new Int32Array(restStart[n]!);
  for (let e = 0; e < n; e++) {
    const entry = entries[e];
    if (!entry) continue;
    for (let j = 0; j < entry.slotIds.length; j++) {
      slotFlat[restStart[e]! + j] = entry.slotIds[j]!;
      gapFlat[restStart[e]! + j] = entry.seq.gaps[j + 1]!;
    }
  }
  // A trie per distinct first slot, shared by the terms it accepts (a first slot of alternatives, "no|nao|not", would
  // otherwise repeat its trie for each): a node per distinct (parent, slot, gap), entries at their last node. Every
  // entry some term kept goes in; one a term dropped as never reported (see compileTriage) stays unreported here too,
  // since the entry that stands for it comes first. Flat arrays rather than a list per node: there can be 50,000 nodes.
  const rootOfSlot = new Map<string, number>();
  // Entries expanded from one pattern share their first slot's array, so most are found by identity, without a join.
  const rootOfArray = new Map<number[], number>();
  const entryRoot = new Int32Array(n).fill(-1);
  for (let e = 0; e < n; e++) {
    const entry = entries[e];
    if (!entry) continue;
    const slot = entry.seq.slots[0]!;
    let r = rootOfArray.get(slot);
    if (r === undefined) {
      const first = slot.join(',');
      r = rootOfSlot.get(first);
      if (r === undefined) rootOfSlot.set(first, (r = rootOfSlot.size));
      rootOfArray.set(slot, r);
    }
    entryRoot[e] = r;
  }
  const roots = rootOfSlot.size;
  const rootStart = new Int32Array(terms + 1);
  const rootIds: number[] = [];
  const lastTerm = new Int32Array(roots).fill(-1);
  for (let id = 0; id < terms; id++) {
    for (const entry of compiled.byFirstTerm[id]!) {
      const r = entryRoot[entry.index]!;
      if (lastTerm[r] !== id) rootIds.push(r);
      lastTerm[r] = id;
    }
    rootStart[id + 1] = rootIds.length;
  }
  const slotCount = compiled.slotMembers.length;
  const nodeSlot: number[] = new Array<number>(roots).fill(-1);
  const nodeGap: number[] = new Array<number>(roots).fill(0);
  const nodeParent: number[] = new Array<number>(roots).fill(-1);
  const terminalNode = new Int32Array(n).fill(-1);
  const childOf = new Map<number, number>();
  for (let e = 0; e < n; e++) {
    if (entryRoot[e]! < 0) continue;
    let node = entryRoot[e]!;
    for (let j = restStart[e]!; j < restStart[e + 1]!; j++) {
      // Gaps are at most 6 words, so (parent, slot, gap) packs into one number, small enough to stay a small integer.
      const key = (node * slotCount + slotFlat[j]!) * 8 + gapFlat[j]!;
      let child = childOf.get(key);
      if (child === undefined) {
        child = nodeSlot.length;
        nodeSlot.push(slotFlat[j]!);
        nodeGap.push(gapFlat[j]!);
        nodeParent.push(node);
        childOf.set(key, child);
      }
      node = child;
    }
    terminalNode[e] = node;
  }
  const nodes = nodeSlot.length;
  // Children of each node in creation order (a counting sort by parent), then breadth-first renumbering: roots first,
  // in their order, then each node's children together.
  const kidsStart = new Int32Array(nodes + 1);
  for (let k = roots; k < nodes; k++) kidsStart[nodeParent[k]! + 1]!++;
  for (let k = 0; k < nodes; k++) kidsStart[k + 1]! += kidsStart[k]!;
  const kids = new Int32Array(nodes);
  const fill = kidsStart.slice(0, nodes);
  for (let k = roots; k < nodes; k++) kids[fill[nodeParent[k]!]!++] = k;
  const order = new Int32Array(nodes);
  const newId = new Int32Array(nodes);
  const childStart = new Int32Array(nodes + 1);
  for (let k = 0; k < roots; k++) order[k] = k;
  let placed = roots;
  for (let k = 0; k < nodes; k++) {
    childStart[k] = placed;
    newId[order[k]!] = k;
    for (let c = kidsStart[order[k]!]!; c < kidsStart[order[k]! + 1]!; c++) order[placed++] = kids[c]!;
  }
  childStart[nodes] = nodes;
  // Entries by their last node, ascending within each (a counting sort by the node's new number).
  const terminalStart = new Int32Array(nodes + 1);
  for (let e = 0; e < n; e++) if (terminalNode[e]! >= 0) terminalStart[newId[terminalNode[e]!]! + 1]!++;
  for (let k = 0; k < nodes; k++) terminalStart[k + 1]! += terminalStart[k]!;
  const terminalList = new Int32Array(terminalStart[nodes]!);
  const at = terminalStart.slice(0, nodes);
  for (let e = 0; e < n; e++) if (terminalNode[e]! >= 0) terminalList[at[newId[terminalNode[e]!]!]!++] = e;
  const node = new Int32Array((nodes + 1) * 4);
  for (let k = 0; k < nodes; k++) {
    node[k * 4 + SLOT] = nodeSlot[order[k]!]!;
    node[k * 4 + GAP] = nodeGap[order[k]!]!;
    node[k * 4 + CHILDREN] = childStart[k]!;
    node[k * 4 + TERMINALS] = terminalStart[k]!;
  }
  node[nodes * 4 + CHILDREN] = nodes;
  node[nodes * 4 + TERMINALS] = terminalStart[nodes]!;
  return {
    rootStart,
    rootList: Int32Array.from(rootIds),
    roots,
    entryKey,
    restStart,
    slotFlat,
    gapFlat,
    node,
    terminalList,
    entries,
    slots: slotCount,
    ruleKeys: compiled.ruleKeys,
  };
}
