import type { CompiledTriage, Entry } from './compile-triage.js';
import { type Words, wordEpoch } from './normalize-text.js';

/** One place where one rule's pattern matched; `negated` when a negation stands just before it. */
export type Match = { group: Entry['group']; rule: number; positions: number[]; clause: number; negated: boolean };

const NEGATION_WINDOW = 3;
const WORD_CACHE_LIMIT = 50_000;

/**
 * A compiled policy's entries as flat integer tables, so matching allocates nothing per attempt: each entry's later
 * slots and gaps, and per distinct first slot a trie of the later slots, so that a start word visits only the prefixes
 * that can follow it and every entry sharing a prefix is settled with it.
 */
type Matcher = {
  /** The tries a word of term `id` starts: rootList[rootStart[id] .. rootStart[id + 1]). */
  rootStart: Int32Array;
  rootList: Int32Array;
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
  /**
   * Per root, side by side (one cache line per root): the start word (`startStamp`) that last searched it, and the call
   * (`gen`) whose root children present in the ticket are at present[.. PRESENT_AT .. + PRESENT_LEN).
   */
  root: Int32Array;
  entries: Entry[];
  slots: number;
  /**
   * What each normalised word seen so far means to the policy, as its word code: the terms it satisfies and the slots
   * those fill (each once) are in wordFlat from code >> 1 as [terms, ...ids, slots, ...sids], and code & 1 tells whether
   * it negates. The code is all a word needs, so reading a word costs one lookup less; the many words with no term
   * share the record at 0, which stays in cache.
   */
  words: Map<string, number>;
  wordFlat: Int32Array;
  wordFlatLen: number;
  /** Word code + 1 by word id of the tokenizer's word table of `epoch` (0: not looked up yet). */
  byId: Int32Array;
  epoch: number;
};

const matchers = new WeakMap<CompiledTriage, Matcher>();
const SLOT = 0;
const GAP = 1;
const CHILDREN = 2;
const TERMINALS = 3;
// Fields of a root record.
const SEARCHED = 0;
const PREPARED = 1;
const PRESENT_AT = 2;
const PRESENT_LEN = 3;
// Fields of a slot record (see `slotRec`).
const SEEN = 0;
const HEAD = 1;
const TAIL = 2;
const CURSOR = 3;
/** The record in wordFlat of every word with no term: no terms, no slots. */
const NO_TERMS = 0;

function matcherOf(compiled: CompiledTriage): Matcher {
  const hit = matchers.get(compiled);
  if (hit) return hit;
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
  const m: Matcher = {
    rootStart,
    rootList: Int32Array.from(rootIds),
    entryKey,
    restStart,
    slotFlat,
    gapFlat,
    node,
    terminalList,
    root: new Int32Array(roots * 4).fill(-1),
    entries,
    slots: slotCount,
    words: new Map(),
    wordFlat: new Int32Array(1024),
    wordFlatLen: NO_TERMS + 2,
    byId: new Int32Array(256),
    epoch: -1,
  };
  matchers.set(compiled, m);
  return m;
}

/** The word code of a normalised word, looked up (terms, slots, negation) the first time. */
function wordCode(compiled: CompiledTriage, m: Matcher, norm: string): number {
  const hit = m.words.get(norm);
  if (hit !== undefined) return hit;
  const ids = compiled.index.lookup(norm);
  const negates = compiled.negators.has(norm) ? 1 : 0;
  if (ids.length === 0) {
    m.words.set(norm, (NO_TERMS << 1) | negates);
    return (NO_TERMS << 1) | negates;
  }
  const slots = new Set<number>();
  for (const id of ids) for (const sid of compiled.termSlots[id]!) slots.add(sid);
  const need = m.wordFlatLen + 2 + ids.length + slots.size;
  if (need > m.wordFlat.length) {
    const flat = new Int32Array(need * 2);
    flat.set(m.wordFlat.subarray(0, m.wordFlatLen));
    m.wordFlat = flat;
  }
  const at = m.wordFlatLen;
  let k = at;
  m.wordFlat[k++] = ids.length;
  for (const id of ids) m.wordFlat[k++] = id;
  m.wordFlat[k++] = slots.size;
  for (const sid of slots) m.wordFlat[k++] = sid;
  m.wordFlatLen = k;
  m.words.set(norm, (at << 1) | negates);
  return (at << 1) | negates;
}

// Per-call scratch, grown on demand and reused (matching is synchronous).
let clauseOf: Int32Array = new Int32Array(0);
let negBefore = new Int32Array(257);
let clauseStart = new Int32Array(64);
/** The word record (wordFlat offset) of each position of the current text. */
let posRecord = new Int32Array(256);
/** Words in the current text: no slot has more positions. */
let wordCount = 0;
// The positions filling each slot, ascending, as a list threaded through the (slot, position) pairs read in position
// order: the slot record's HEAD, then the pair at k links to pairs[k + 1] (-1 ends it) and stands at pairs[k] (a pair's
// fields side by side, read together when walking a list). Per slot sid, side by side
// at slotRec[sid * 4 ..] (one cache line per slot): SEEN, the call (`gen`) that touched it last, its list's HEAD and
// TAIL, and its CURSOR, its first pair not before the current start word (start words only move forward). A slot's
// fields are valid only when SEEN is the current call's `gen`, so nothing needs emptying between calls.
let slotRec = new Int32Array(1024);
let gen = 0;
let pairs = new Int32Array(2048);
let acc = new Int32Array(64);
let matchedAt = new Int32Array(64);
// Reachable positions of the trie nodes on the current path, one after another; reach[0] is the start word.
let reach = new Int32Array(1024);
let reachTop = 1;
// The entries matched from the current start word and term, in trie order.
let matched = new Int32Array(256);
let matchedLen = 0;
// Per trie root seen in this call, its children whose slot is somewhere in the ticket, as (child, slot, gap) triples at
// present[PRESENT_AT .. + PRESENT_LEN) of its root record: the quick check reads them without the child's node record.
let present = new Int32Array(1024);
let presentTop = 0;
/** Numbers the start words of all calls, for a root record's SEARCHED. */
let startStamp = 0;

// The matcher and tables of the current call, read by `extend`.
let cur: Matcher;

/** The current start word: every search below is for positions after it. */
let startWord = 0;

/**
 * The first pair of slot `sid` standing after position `pos` (at or after the start word), or -1. The walk starts at the
 * slot's cursor, its first pair after the start word, moved forward here: start words only move forward, so a slot's
 * pairs are walked past once per text plus the few within a pattern's reach of each start word (walking from the head
 * instead made a text repeating one phrase cost the square of its length).
 */
function firstPairAfter(sid: number, pos: number): number {
  const rec = sid << 2;
  if (slotRec[rec + SEEN] !== gen) return -1;
  let k = slotRec[rec + CURSOR]!;
  while (k >= 0 && pairs[k]! <= startWord) k = pairs[k + 1]!;
  slotRec[rec + CURSOR] = k;
  while (k >= 0 && pairs[k]! <= pos) k = pairs[k + 1]!;
  return k;
}

/** Depth-first: the next slot stands after the previous one, within its gap, in the same clause, with no negation skipped. */
function extend(j: number, end: number, prev: number, clause: number, depth: number): boolean {
  if (j === end) return true;
  let k = firstPairAfter(cur.slotFlat[j]!, prev);
  const last = prev + 1 + cur.gapFlat[j]!;
  const negAt = negBefore[prev + 1]!;
  for (; k >= 0; k = pairs[k + 1]!) {
    const q = pairs[k]!;
    if (q > last || clauseOf[q] !== clause) break;
    if (negBefore[q]! - negAt > 0) break;
    acc[depth] = q;
    if (extend(j + 1, end, q, clause, depth + 1)) return true;
  }
  return false;
}

/**
 * The positions where a later slot (`sid`, at most `gap` words after) can stand, given the positions
 * reach[fromAt .. fromAt + fromLen) where the previous slot can: after one of them, within the gap, in the same clause,
 * with no negation skipped. This is what the depth-first `extend` explores, so a prefix with no reachable position
 * fails for every entry that shares it.
 */
function reachable(sid: number, gap: number, fromAt: number, fromLen: number, clause: number, outAt: number): number {
  let i = firstPairAfter(sid, reach[fromAt]!);
  const lastFrom = fromAt + fromLen - 1;
  let k = fromAt;
  let len = 0;
  for (; i >= 0; i = pairs[i + 1]!) {
    const r = pairs[i]!;
    if (clauseOf[r] !== clause) break;
    // The latest earlier position is the best one to come from: the smallest gap, the fewest words skipped.
    while (k < lastFrom && reach[k + 1]! < r) k++;
    const q = reach[k]!;
    if (r > q + 1 + gap || negBefore[r]! - negBefore[q + 1]! > 0) {
      if (k === lastFrom) break;
      continue;
    }
    reach[outAt + len++] = r;
  }
  return len;
}

/** Searches trie node `node` from the positions reach[fromAt .. + fromLen); records the entries ending there, then its children. */
function visit(node: number, fromAt: number, fromLen: number, clause: number): void {
  const m = cur;
  const nd = m.node;
  const rec = node << 2;
  const sid = nd[rec + SLOT]!;
  const need = reachTop + wordCount;
  if (reach.length < need) {
    const grown = new Int32Array(need * 2);
    grown.set(reach.subarray(0, reachTop));
    reach = grown;
  }
  const at = reachTop;
  const len = reachable(sid, nd[rec + GAP]!, fromAt, fromLen, clause, at);
  if (len === 0) return;
  reachTop = at + len;
  addTerminals(node);
  for (let child = nd[rec + CHILDREN]!, ce = nd[rec + 4 + CHILDREN]!; child < ce; child++) {
    if (slotRec[(nd[(child << 2) + SLOT]! << 2) + SEEN] === gen) visit(child, at, len, clause);
  }
  // This node's positions serve only its own subtree.
  reachTop = at;
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

function addTerminals(node: number): void {
  const from = cur.node[(node << 2) + TERMINALS]!;
  const to = cur.node[(node << 2) + 4 + TERMINALS]!;
  if (from === to) return;
  if (matched.length < matchedLen + to - from) {
    const grown = new Int32Array((matchedLen + to - from) * 2);
    grown.set(matched.subarray(0, matchedLen));
    matched = grown;
  }
  for (let i = from; i < to; i++) matched[matchedLen++] = cur.terminalList[i]!;
}

/** Every rule match in the text, at most one per rule and start word; patterns never cross a clause. */
export function findMatches(compiled: CompiledTriage, text: Words): Match[] {
  const n = text.n;
  const m = matcherOf(compiled);
  cur = m;
  clauseOf = text.clause;
  wordCount = n;
  if (negBefore.length < n + 1) negBefore = new Int32Array(n * 2 + 1);
  if (posRecord.length < n) posRecord = new Int32Array(n * 2);
  if (slotRec.length < m.slots * 4) slotRec = new Int32Array(m.slots * 8);
  gen = (gen + 1) | 0;
  // The word table is bounded; it is emptied only between calls, so word codes hold for a whole text.
  if (m.words.size + n > WORD_CACHE_LIMIT) {
    m.words.clear();
    m.wordFlatLen = NO_TERMS + 2;
    m.epoch = -1;
  }
  // Word ids are valid only in the word table they were numbered in; otherwise look words up by their text.
  const byIdValid = text.epoch === wordEpoch();
  if (byIdValid && m.epoch !== text.epoch) {
    m.byId.fill(0);
    m.epoch = text.epoch;
  }
  // Per word: its terms and slots, its clause, and a running count of negations (a gap never skips one).
  let filled = 0;
  negBefore[0] = 0;
  const sr = slotRec;
  for (let p = 0; p < n; p++) {
    let code: number;
    if (byIdValid) {
      const id = text.id[p]!;
      if (id >= m.byId.length) {
        const grown = new Int32Array(Math.max(id + 1, m.byId.length * 2));
        grown.set(m.byId);
        m.byId = grown;
      }
      const known = m.byId[id]!;
      if (known > 0) code = known - 1;
      else m.byId[id] = (code = wordCode(compiled, m, text.norm[p]!)) + 1;
    } else code = wordCode(compiled, m, text.norm[p]!);
    const at = code >> 1;
    posRecord[p] = at;
    const clause = clauseOf[p]!;
    if (p === 0 || clause !== clauseOf[p - 1]) {
      if (clause >= clauseStart.length) {
        const grown = new Int32Array(clause * 2 + 2);
        grown.set(clauseStart);
        clauseStart = grown;
      }
      clauseStart[clause] = p;
    }
    negBefore[p + 1] = negBefore[p]! + (code & 1);
    if (at === NO_TERMS) continue;
    const flat = m.wordFlat;
    const slotsAt = at + 1 + flat[at]!;
    const slotsLen = flat[slotsAt]!;
    if (filled + slotsLen * 2 > pairs.length) {
      const grown = new Int32Array((filled + slotsLen * 2) * 2);
      grown.set(pairs.subarray(0, filled));
      pairs = grown;
    }
    for (let i = slotsAt + 1; i <= slotsAt + slotsLen; i++) {
      const rec = flat[i]! << 2;
      if (sr[rec + SEEN] !== gen) {
        sr[rec + SEEN] = gen;
        sr[rec + HEAD] = filled;
        sr[rec + CURSOR] = filled;
      } else pairs[sr[rec + TAIL]! + 1] = filled;
      sr[rec + TAIL] = filled;
      pairs[filled] = p;
      pairs[filled + 1] = -1;
      filled += 2;
    }
  }

  const out: Match[] = [];
  // Start word of the last match of each (group, rule): one match per rule and start word is enough.
  if (matchedAt.length < compiled.ruleKeys) matchedAt = new Int32Array(compiled.ruleKeys * 2);
  matchedAt.fill(-1, 0, compiled.ruleKeys);
  const { rootStart, rootList, entryKey, restStart, entries, node, root: rootRec, wordFlat } = m;
  presentTop = 0;
  // Locals for the module's scratch tables (none of them is reallocated below).
  const mAt = matchedAt;
  const clauseOfL = clauseOf;
  const negB = negBefore;
  const posRecordL = posRecord;
  const pairsL = pairs;
  for (let p = 0; p < n; p++) {
    const idsAt = posRecordL[p]!;
    const idsLen = wordFlat[idsAt]!;
    if (idsLen === 0) continue;
    const clause = clauseOfL[p]!;
    startWord = p;
    reach[0] = p;
    reachTop = 1;
    const start = (startStamp = (startStamp + 1) | 0);
    for (let t = idsAt + 1; t <= idsAt + idsLen; t++) {
      const term = wordFlat[t]!;
      matchedLen = 0;
      for (let ri = rootStart[term]!, re = rootStart[term + 1]!; ri < re; ri++) {
        const root = rootList[ri]!;
        const rr = root << 2;
        // A trie shared with an earlier term of this word: its entries were reported then.
        if (rootRec[rr + SEARCHED] === start) continue;
        rootRec[rr + SEARCHED] = start;
        addTerminals(root);
        if (rootRec[rr + PREPARED] !== gen) {
          // A start word's term often comes back ("no", "de"): its children absent from the ticket are dropped once.
          rootRec[rr + PREPARED] = gen;
          const cs = node[(root << 2) + CHILDREN]!;
          const ce = node[(root << 2) + 4 + CHILDREN]!;
          if (present.length < presentTop + (ce - cs) * 3) {
            const grown = new Int32Array((presentTop + (ce - cs) * 3) * 2);
            grown.set(present.subarray(0, presentTop));
            present = grown;
          }
          rootRec[rr + PRESENT_AT] = presentTop;
          for (let c = cs; c < ce; c++) {
            const sid = node[(c << 2) + SLOT]!;
            // Touched in this call: the slot has positions in this ticket.
            if (sr[(sid << 2) + SEEN] !== gen) continue;
            present[presentTop++] = c;
            present[presentTop++] = sid;
            present[presentTop++] = node[(c << 2) + GAP]!;
          }
          rootRec[rr + PRESENT_LEN] = presentTop - rootRec[rr + PRESENT_AT]!;
        }
        const pl = present;
        for (let c = rootRec[rr + PRESENT_AT]!, ce = c + rootRec[rr + PRESENT_LEN]!; c < ce; c += 3) {
          // Most first later slots fail here: their first position after p is too far, in another clause or past a
          // negation (what `reachable` would find first).
          const cursorAt = (pl[c + 1]! << 2) + CURSOR;
          let sc = sr[cursorAt]!;
          while (sc >= 0 && pairsL[sc]! <= p) sc = pairsL[sc + 1]!;
          sr[cursorAt] = sc;
          if (sc < 0) continue;
          const r = pairsL[sc]!;
          if (r > p + 1 + pl[c + 2]! || clauseOfL[r] !== clause || negB[r]! - negB[p + 1]! > 0) continue;
          visit(pl[c]!, 0, 1, clause);
        }
      }
      if (matchedLen === 0) continue;
      // Entries in the order the rules were written: the first of each rule is the match reported.
      sortAscending(matched, matchedLen);
      const list = matched;
      for (let i = 0; i < matchedLen; i++) {
        const e = list[i]!;
        const key = entryKey[e]!;
        if (mAt[key] === p) continue;
        mAt[key] = p;
        const rs = restStart[e]!;
        const re = restStart[e + 1]!;
        if (re > rs) {
          if (acc.length < re - rs + 1) acc = new Int32Array((re - rs + 1) * 2);
          // The depth-first search gives the earliest positions that work.
          extend(rs, re, p, clause, 1);
        }
        const positions = new Array<number>(re - rs + 1);
        positions[0] = p;
        for (let j = 1; j < positions.length; j++) positions[j] = acc[j]!;
        // A negation up to NEGATION_WINDOW words before, in the same clause.
        const from = Math.max(0, p - NEGATION_WINDOW, clauseStart[clause]!);
        const negated = negB[p]! - negB[from]! > 0;
        const entry = entries[e]!;
        out.push({ group: entry.group, rule: entry.rule, positions, clause, negated });
      }
    }
  }
  return out;
}
