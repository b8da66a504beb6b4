import type { CompiledTriage, Entry } from './compile-triage.js';
import { wordEpoch, type Words } from './normalize-text.js';

/** One place where one rule's pattern matched; `negated` when a negation stands just before it. */
export type Match = { group: Entry['group']; rule: number; positions: number[]; clause: number; negated: boolean };

const NEGATION_WINDOW = 3;
const WORD_CACHE_LIMIT = 50_000;

/** What one normalised word means to a policy: the terms it satisfies, the slots those fill, and whether it negates. */
type WordInfo = { ids: readonly number[]; slots: Int32Array; neg: boolean };

/**
 * A compiled policy's entries as flat integer tables, so matching allocates nothing per attempt:
 * entries by first term (CSR), each entry's later slots and gaps, and a per-word cache.
 */
type Matcher = {
  /** Entries whose first slot accepts term `id`: entryList[firstStart[id] .. firstStart[id + 1]). */
  firstStart: Int32Array;
  entryList: Int32Array;
  entryKey: Int32Array;
  /** Later slots of entry e: slotFlat/gapFlat[restStart[e] .. restStart[e + 1]). */
  restStart: Int32Array;
  slotFlat: Int32Array;
  gapFlat: Int32Array;
  /** Node of the prefix trie of later slots (shared by every entry with the same later slots and gaps so far), per later slot. */
  nodeFlat: Int32Array;
  /**
   * For list position x and depth d, skipFlat[skipStart[x] + d]: the next list position whose entry does not share
   * x's later slots 0..d. When those slots cannot be matched, every entry up to there fails too.
   */
  skipStart: Int32Array;
  skipFlat: Int32Array;
  /**
   * The entries of each first term grouped by their first later slot (trie node; -1: single-slot entries):
   * groups groupStart[id] .. groupStart[id + 1]. Group g, side by side for the scan of a start word's groups:
   * groupRow[g * 6 ..] = its node, that slot (-1 for single-slot entries), its gap, its place in slotFlat/gapFlat,
   * and the range of its list positions, ascending, in groupPos. A group whose first later slot cannot follow the start word fails whole.
   */
  groupStart: Int32Array;
  groupRow: Int32Array;
  groupPos: Int32Array;
  /** Most later slots of any entry. */
  maxTail: number;
  /**
   * Per trie node, its reachable positions for the current start word: reach[nodeAt[node] .. + nodeLen[node]) when
   * nodeStamp[node] is the start word's stamp. Each node is searched once per start word, however its entries interleave.
   */
  nodeStamp: Int32Array;
  nodeAt: Int32Array;
  nodeLen: Int32Array;
  entries: Entry[];
  slots: number;
  words: Map<string, WordInfo>;
  /** The same, by word id of the tokenizer's word table of `epoch`. */
  byId: (WordInfo | undefined)[];
  epoch: number;
};

const matchers = new WeakMap<CompiledTriage, Matcher>();

function matcherOf(compiled: CompiledTriage): Matcher {
  const hit = matchers.get(compiled);
  if (hit) return hit;
  const terms = compiled.byFirstTerm.length;
  const firstStart = new Int32Array(terms + 1);
  for (let id = 0; id < terms; id++) firstStart[id + 1] = firstStart[id]! + compiled.byFirstTerm[id]!.length;
  const entries: Entry[] = [];
  for (const list of compiled.byFirstTerm) for (const e of list) entries[e.index] = e;
  const entryList = new Int32Array(firstStart[terms]!);
  let k = 0;
  for (const list of compiled.byFirstTerm) for (const e of list) entryList[k++] = e.index;
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
  // Prefix trie of the later slots: a node per distinct (parent, slot, gap).
  const nodeFlat = new Int32Array(restStart[n]!);
  const nodeIds = new Map<string, number>();
  let maxTail = 0;
  for (let e = 0; e < n; e++) {
    let parent = -1;
    maxTail = Math.max(maxTail, restStart[e + 1]! - restStart[e]!);
    for (let j = restStart[e]!; j < restStart[e + 1]!; j++) {
      const k = `${parent},${slotFlat[j]},${gapFlat[j]}`;
      let id = nodeIds.get(k);
      if (id === undefined) nodeIds.set(k, (id = nodeIds.size));
      nodeFlat[j] = parent = id;
    }
  }
  const tailOf = (x: number) => restStart[entryList[x]! + 1]! - restStart[entryList[x]!]!;
  const skipStart = new Int32Array(entryList.length + 1);
  for (let x = 0; x < entryList.length; x++) skipStart[x + 1] = skipStart[x]! + tailOf(x);
  const skipFlat = new Int32Array(skipStart[entryList.length]!);
  for (let id = 0; id < terms; id++) {
    const xs = firstStart[id]!;
    const xe = firstStart[id + 1]!;
    for (let x = xe - 1; x >= xs; x--) {
      const ex = entryList[x]!;
      for (let d = 0; d < tailOf(x); d++) {
        const y = x + 1;
        const shares = y < xe && tailOf(y) > d && nodeFlat[restStart[entryList[y]!]! + d] === nodeFlat[restStart[ex]! + d];
        skipFlat[skipStart[x]! + d] = shares ? skipFlat[skipStart[y]! + d]! : y;
      }
    }
  }
  const groupStart = new Int32Array(terms + 1);
  const groupNodes: number[] = [];
  const groupLists: number[][] = [];
  for (let id = 0; id < terms; id++) {
    const byNode = new Map<number, number[]>();
    for (let x = firstStart[id]!; x < firstStart[id + 1]!; x++) {
      const e = entryList[x]!;
      const node = restStart[e + 1]! > restStart[e]! ? nodeFlat[restStart[e]!]! : -1;
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push(x);
    }
    for (const [node, list] of byNode) {
      groupNodes.push(node);
      groupLists.push(list);
    }
    groupStart[id + 1] = groupNodes.length;
  }
  const groupPosStart = new Int32Array(groupLists.length + 1);
  groupLists.forEach((l, g) => (groupPosStart[g + 1] = groupPosStart[g]! + l.length));
  const groupPos = Int32Array.from(groupLists.flat());
  const groupCount = groupLists.length;
  const groupRow = new Int32Array(groupCount * 6);
  for (let g = 0; g < groupCount; g++) {
    const first = restStart[entryList[groupLists[g]![0]!]!]!;
    groupRow[g * 6] = groupNodes[g]!;
    groupRow[g * 6 + 1] = groupNodes[g]! >= 0 ? slotFlat[first]! : -1;
    groupRow[g * 6 + 2] = gapFlat[first] ?? 0;
    groupRow[g * 6 + 3] = first;
    groupRow[g * 6 + 4] = groupPosStart[g]!;
    groupRow[g * 6 + 5] = groupPosStart[g + 1]!;
  }
  const m: Matcher = { firstStart, entryList, entryKey, restStart, slotFlat, gapFlat, nodeFlat, skipStart, skipFlat, groupStart, groupRow, groupPos, maxTail, nodeStamp: new Int32Array(nodeIds.size), nodeAt: new Int32Array(nodeIds.size), nodeLen: new Int32Array(nodeIds.size), entries, slots: compiled.slotMembers.length, words: new Map(), byId: [], epoch: -1 };
  matchers.set(compiled, m);
  return m;
}

function wordInfo(compiled: CompiledTriage, m: Matcher, norm: string): WordInfo {
  const hit = m.words.get(norm);
  if (hit) return hit;
  const ids = compiled.index.lookup(norm);
  const slots: number[] = [];
  for (const id of ids) for (const sid of compiled.termSlots[id]!) slots.push(sid);
  // Each slot once: a word fills a slot at most once.
  const info: WordInfo = { ids, slots: Int32Array.from(new Set(slots)), neg: compiled.negators.has(norm) };
  if (m.words.size >= WORD_CACHE_LIMIT) m.words.clear();
  m.words.set(norm, info);
  return info;
}

// Per-call scratch, grown on demand and reused (matching is synchronous).
let clauseOf: Int32Array = new Int32Array(0);
let negBefore = new Int32Array(257);
let clauseStart = new Int32Array(64);
let infos: WordInfo[] = [];
let slotCount = new Int32Array(256);
// Positions filling slot sid: slotPos[slotStart[sid] .. slotEnd[sid]). Between calls every slot is empty (start = end):
// a call fills only the slots its words touch (listed in `touched`) and empties them again at the start of the next call.
let slotStart = new Int32Array(256);
let slotEnd = new Int32Array(256);
let slotGen = new Int32Array(256);
/** Per touched slot, the first of its positions not before the current start word (start words only move forward). */
let slotCur = new Int32Array(256);
let gen = 0;
let touched = new Int32Array(256);
let touchedLen = 0;
// (slot, position) pairs in position order, as the words are read: pairSlot[k] is filled at pairPos[k].
let pairSlot = new Int32Array(1024);
let pairPos = new Int32Array(1024);
let slotPos = new Int32Array(1024);
let acc = new Int32Array(64);
let matchedAt = new Int32Array(64);
// Reachable positions of the trie nodes searched for the current start word, one after another; reach[0] is the start word.
let reach = new Int32Array(1024);
let reachTop = 1;
let stamp = 0;
let candidates = new Int32Array(1024);

// The matcher and tables of the current call, read by `extend`.
let cur: Matcher;

/** Depth-first: the next slot stands after the previous one, within its gap, in the same clause, with no negation skipped. */
function extend(j: number, end: number, prev: number, clause: number, depth: number): boolean {
  if (j === end) return true;
  const sid = cur.slotFlat[j]!;
  let lo = slotStart[sid]!;
  let hi = slotEnd[sid]!;
  if (lo === hi) return false;
  // First position after `prev` (positions are ascending).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (slotPos[mid]! <= prev) lo = mid + 1;
    else hi = mid;
  }
  const limit = slotEnd[sid]!;
  const last = prev + 1 + cur.gapFlat[j]!;
  const negAt = negBefore[prev + 1]!;
  for (let i = lo; i < limit; i++) {
    const q = slotPos[i]!;
    if (q > last || clauseOf[q] !== clause) break;
    if (negBefore[q]! - negAt > 0) break;
    acc[depth] = q;
    if (extend(j + 1, end, q, clause, depth + 1)) return true;
  }
  return false;
}

/**
 * The positions where later slot `j` can stand, given the positions `from` (reach[fromAt .. fromAt + fromLen)) where the
 * previous slot can: after one of them, within its gap, in the same clause, with no negation skipped. This is what the
 * depth-first `extend` explores, so a prefix with no reachable position fails for every entry that shares it.
 */
function reachable(j: number, fromAt: number, fromLen: number, clause: number, outAt: number): number {
  const sid = cur.slotFlat[j]!;
  let lo = slotStart[sid]!;
  let hi = slotEnd[sid]!;
  if (lo === hi) return 0;
  const first = reach[fromAt]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (slotPos[mid]! <= first) lo = mid + 1;
    else hi = mid;
  }
  const limit = slotEnd[sid]!;
  const gap = cur.gapFlat[j]!;
  const lastFrom = fromAt + fromLen - 1;
  let k = fromAt;
  let len = 0;
  for (let i = lo; i < limit; i++) {
    const r = slotPos[i]!;
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

/** Searches trie node `node` (later slot `j`) from reach[fromAt .. + fromLen) and stores its positions after the others. */
function searchNode(node: number, j: number, fromAt: number, fromLen: number, clause: number, nodeAt: Int32Array, nodeLen: Int32Array): void {
  const sid = cur.slotFlat[j]!;
  const need = reachTop + slotEnd[sid]! - slotStart[sid]!;
  if (reach.length < need) {
    const grown = new Int32Array(need * 2);
    grown.set(reach.subarray(0, reachTop));
    reach = grown;
  }
  const len = reachable(j, fromAt, fromLen, clause, reachTop);
  nodeAt[node] = reachTop;
  nodeLen[node] = len;
  reachTop += len;
}

/** Every rule match in the text, at most one per rule and start word; patterns never cross a clause. */
export function findMatches(compiled: CompiledTriage, text: Words): Match[] {
  const n = text.n;
  const m = matcherOf(compiled);
  cur = m;
  clauseOf = text.clause;
  if (negBefore.length < n + 1) negBefore = new Int32Array(n * 2 + 1);
  if (infos.length < n) infos = new Array<WordInfo>(n * 2);
  const S = m.slots;
  // Empty the slots the previous call filled.
  for (let i = 0; i < touchedLen; i++) {
    const sid = touched[i]!;
    slotEnd[sid] = slotStart[sid]!;
  }
  touchedLen = 0;
  if (slotCount.length < S) {
    slotCount = new Int32Array(S * 2);
    slotStart = new Int32Array(S * 2);
    slotEnd = new Int32Array(S * 2);
    slotGen = new Int32Array(S * 2);
    slotCur = new Int32Array(S * 2);
    touched = new Int32Array(S * 2);
  }
  gen = (gen + 1) | 0;
  // Word ids are valid only in the word table they were numbered in; otherwise look words up by their text.
  let byId: (WordInfo | undefined)[] | null = null;
  if (text.epoch === wordEpoch()) {
    if (m.epoch !== text.epoch) {
      m.byId = [];
      m.epoch = text.epoch;
    }
    byId = m.byId;
  }
  // Per word: its terms and slots, its clause, and a running count of negations (a gap never skips one).
  let filled = 0;
  negBefore[0] = 0;
  for (let p = 0; p < n; p++) {
    let info: WordInfo | undefined;
    if (byId) {
      const id = text.id[p]!;
      info = byId[id];
      if (info === undefined) byId[id] = info = wordInfo(compiled, m, text.norm[p]!);
    } else info = wordInfo(compiled, m, text.norm[p]!);
    infos[p] = info;
    const clause = clauseOf[p]!;
    if (p === 0 || clause !== clauseOf[p - 1]) {
      if (clause >= clauseStart.length) {
        const grown = new Int32Array(clause * 2 + 2);
        grown.set(clauseStart);
        clauseStart = grown;
      }
      clauseStart[clause] = p;
    }
    negBefore[p + 1] = negBefore[p]! + (info.neg ? 1 : 0);
    const slots = info.slots;
    if (filled + slots.length > pairSlot.length) {
      const size = (filled + slots.length) * 2;
      const a = new Int32Array(size);
      a.set(pairSlot.subarray(0, filled));
      pairSlot = a;
      const b = new Int32Array(size);
      b.set(pairPos.subarray(0, filled));
      pairPos = b;
    }
    for (let i = 0; i < slots.length; i++) {
      const sid = slots[i]!;
      if (slotGen[sid] !== gen) {
        slotGen[sid] = gen;
        slotCount[sid] = 1;
        touched[touchedLen++] = sid;
      } else slotCount[sid]!++;
      pairSlot[filled] = sid;
      pairPos[filled] = p;
      filled++;
    }
  }
  // Positions (ascending) that fill each touched slot: slotPos[slotStart[sid] .. slotEnd[sid]).
  if (slotPos.length < filled) slotPos = new Int32Array(filled * 2);
  let at = 0;
  for (let i = 0; i < touchedLen; i++) {
    const sid = touched[i]!;
    slotStart[sid] = at;
    slotCur[sid] = at;
    slotEnd[sid] = at; // the fill cursor; ends at `at + slotCount[sid]`
    at += slotCount[sid]!;
  }
  for (let k = 0; k < filled; k++) slotPos[slotEnd[pairSlot[k]!]!++] = pairPos[k]!;

  const out: Match[] = [];
  // Start word of the last match of each (group, rule): one match per rule and start word is enough.
  if (matchedAt.length < compiled.ruleKeys) matchedAt = new Int32Array(compiled.ruleKeys * 2);
  matchedAt.fill(-1, 0, compiled.ruleKeys);
  const { firstStart, entryList, entryKey, restStart, entries, nodeFlat, skipStart, skipFlat, groupStart, groupRow, groupPos } = m;
  const { nodeStamp, nodeAt, nodeLen } = m;
  // Locals for the module's scratch tables (none of them is reallocated below, except `candidates`).
  const sStart = slotStart;
  const sEnd = slotEnd;
  const mAt = matchedAt;
  const clauseOfL = clauseOf;
  const negB = negBefore;
  const infosL = infos;
  const sCur = slotCur;
  const sPos = slotPos;
  let cands = candidates;
  let st = stamp;
  for (let p = 0; p < n; p++) {
    const ids = infosL[p]!.ids;
    if (ids.length === 0) continue;
    const clause = clauseOfL[p]!;
    st = (st + 1) | 0;
    stamp = st;
    reach[0] = p;
    reachTop = 1;
    for (let t = 0; t < ids.length; t++) {
      const id = ids[t]!;
      // The entries to try, ascending: those of the groups whose first later slot can follow the start word.
      let cand = groupPos;
      let ci = 0;
      let ce = 0;
      let active = 0;
      for (let g = groupStart[id]!, ge = groupStart[id + 1]!; g < ge; g++) {
        const row = g * 6;
        const node = groupRow[row]!;
        if (node >= 0) {
          // Most groups fail because their slot is nowhere in the ticket.
          const sid = groupRow[row + 1]!;
          const se = sEnd[sid]!;
          if (sStart[sid] === se) continue;
          if (nodeStamp[node] !== st) {
            // What `reachable` finds first: the slot's first position after p must be within the gap, in the clause,
            // with no negation skipped; otherwise it finds nothing.
            let sc = sCur[sid]!;
            while (sc < se && sPos[sc]! <= p) sc++;
            sCur[sid] = sc;
            if (sc === se) continue;
            const r = sPos[sc]!;
            if (r > p + 1 + groupRow[row + 2]! || clauseOfL[r] !== clause || negB[r]! - negB[p + 1]! > 0) continue;
            nodeStamp[node] = st;
            searchNode(node, groupRow[row + 3]!, 0, 1, clause, nodeAt, nodeLen);
          }
          if (nodeLen[node] === 0) continue;
        }
        const from = groupRow[row + 4]!;
        const to = groupRow[row + 5]!;
        if (active === 0) {
          ci = from;
          ce = to;
        } else {
          if (active === 1) {
            if (cands.length < firstStart[id + 1]! - firstStart[id]!) candidates = cands = new Int32Array((firstStart[id + 1]! - firstStart[id]!) * 2);
            for (let i = ci; i < ce; i++) cands[i - ci] = groupPos[i]!;
            ce -= ci;
            ci = 0;
            cand = cands;
          }
          if (active < 8) {
            // Merge the group's ascending positions into the ascending candidates, from the back.
            let i = ce - 1;
            let k = ce + (to - from) - 1;
            for (let j = to - 1; j >= from; j--) {
              const v = groupPos[j]!;
              while (i >= 0 && cands[i]! > v) cands[k--] = cands[i--]!;
              cands[k--] = v;
            }
            ce += to - from;
          } else for (let i = from; i < to; i++) cands[ce++] = groupPos[i]!;
        }
        active++;
      }
      if (active === 0) continue;
      // Past the first 8 groups the rest were appended unsorted.
      if (active > 8) cands.subarray(0, ce).sort();
      while (ci < ce) {
        const x = cand[ci]!;
        const e = entryList[x]!;
        const key = entryKey[e]!;
        if (mAt[key] === p) {
          ci++;
          continue;
        }
        const rs = restStart[e]!;
        const re = restStart[e + 1]!;
        if (re > rs) {
          // Walk the entry's prefix, reusing the reachable positions of the previous entry's shared prefix.
          let failedAt = -1;
          let fromAt = 0;
          let fromLen = 1;
          for (let d = 0; d < re - rs; d++) {
            const node = nodeFlat[rs + d]!;
            if (nodeStamp[node] !== st) {
              nodeStamp[node] = st;
              searchNode(node, rs + d, fromAt, fromLen, clause, nodeAt, nodeLen);
            }
            fromLen = nodeLen[node]!;
            if (fromLen === 0) {
              failedAt = d;
              break;
            }
            fromAt = nodeAt[node]!;
          }
          if (failedAt >= 0) {
            // Every entry up to `next` shares the prefix that cannot be matched.
            const next = skipFlat[skipStart[x]! + failedAt]!;
            ci++;
            while (ci < ce && cand[ci]! < next) ci++;
            continue;
          }
          if (acc.length < re - rs + 1) acc = new Int32Array((re - rs + 1) * 2);
          // It matches: the depth-first search finds the same positions as before (the earliest that work).
          extend(rs, re, p, clause, 1);
        }
        ci++;
        mAt[key] = p;
        const positions = new Array<number>(re - rs + 1);
        positions[0] = p;
        for (let i = 1; i < positions.length; i++) positions[i] = acc[i]!;
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
