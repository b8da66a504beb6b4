import type { Policy } from '../policy/policy-schema.js';
import type { Problem } from '../result.js';
import { baseLexicon } from './base-lexicon.js';
import { type CompileBudget, compilePattern, type LexiconExpansions, type Sequence } from './compile-pattern.js';
import { normalizeWord } from './normalize-text.js';
import { TermIndex } from './term-index.js';
import { excludedIdOf } from './text-model-schema.js';
import { type TriageRules, triageRulesSchema } from './triage-rules-schema.js';

/** `unless` is an exclusion's exceptions (anywhere in the ticket), `unless:priority` a priority rule's (in the same clause). */
export type RuleGroup =
  | 'priority'
  | 'ceiling'
  | 'exclusion'
  | 'unless'
  | 'unless:priority'
  | 'emphasis'
  | 'tier'
  | 'category'
  | 'flag'
  | 'detector';
/** Groups whose rules may carry `with` patterns; their co-occurrence matches are filed under `with:<group>`. */
export type WithGroup = `with:${'priority' | 'ceiling' | 'exclusion' | 'tier' | 'category' | 'flag'}`;

/** One expanded pattern of one rule, indexed by its first slot's terms. */
export type Entry = {
  group: RuleGroup | WithGroup;
  rule: number;
  seq: Sequence /** Dense id of (group, rule). */;
  key: number /** Dense id of the entry. */;
  index: number /** Ids of its slots after the first, shared between entries. */;
  slotIds: number[];
};

export type CompiledTriage = {
  policy: Policy;
  rules: TriageRules;
  index: TermIndex;
  /** Entries by the id of a term their first slot accepts. */
  byFirstTerm: Entry[][];
  /** Number of distinct (group, rule) keys. */
  ruleKeys: number;
  /** Number of entries. */
  entries: number;
  /** Term ids of each distinct slot (after the first) of any entry. */
  slotMembers: number[][];
  /** For each term id, the distinct slots it fills. */
  termSlots: number[][];
  negators: ReadonlySet<string>;
  /** Normalised words of the `hypothetical` lexicon entry ("sería", "would"). */
  hypotheticals: ReadonlySet<string>;
  /** Normalised declared-priority word → priority id. */
  declaredWords: ReadonlyMap<string, string>;
  declaredPrefixes: readonly string[];
  declaredBare: ReadonlySet<string>;
  /** Patterns of `patterns` detectors, in order, as rule numbers of the `detector` group. */
  detectorPatterns: { requirement: string; detector: number }[];
  /** Rules that point at things the policy does not have, or patterns that do not compile. */
  problems: Problem[];
};

const cache = new WeakMap<Policy, CompiledTriage>();

/**
 * Bounds on what a policy's triage rules may cost to compile and to run, so that a policy sent to the API cannot hold
 * the isolate: slots written while expanding patterns (the largest built-in policy, infraspeak, writes about 123,000),
 * and distinct terms (each word of a ticket that matches no term exactly is compared with every typo-tolerant one; the
 * largest built-in policy has 1,813 terms).
 */
export const MAX_COMPILED_SLOTS = 250_000;
export const MAX_TERMS = 5_000;

/** Compiles a policy's triage rules once; repeated calls with the same policy object reuse it. */
export function compileTriage(policy: Policy): CompiledTriage {
  const hit = cache.get(policy);
  if (hit) return hit;
  const compiled = build(policy);
  cache.set(policy, compiled);
  return compiled;
}

function build(policy: Policy): CompiledTriage {
  const rules = policy.triage ?? triageRulesSchema.parse({});
  const problems: Problem[] = [];
  const lexicon: Record<string, readonly string[]> = { ...baseLexicon, ...rules.lexicon };
  const index = new TermIndex();
  const entries: Entry[] = [];
  const keys = new Map<string, number>();
  const slotIds = new Map<string, number>();
  const slotMembers: number[][] = [];
  // Expanded sequences share their slot arrays, so most lookups hit by identity and skip building the content key.
  const idOfArray = new Map<number[], number>();
  const slotId = (slot: number[]) => {
    let id = idOfArray.get(slot);
    if (id !== undefined) return id;
    const k = slot.join(',');
    id = slotIds.get(k);
    if (id === undefined) {
      id = slotMembers.length;
      slotIds.set(k, id);
      slotMembers.push(slot);
    }
    idOfArray.set(slot, id);
    return id;
  };
  const intern = index.intern.bind(index);
  const budget: CompileBudget = { slots: MAX_COMPILED_SLOTS };
  const expansions: LexiconExpansions = new Map();

  const add = (group: RuleGroup | WithGroup, rule: number, patterns: readonly string[], path: string) => {
    patterns.forEach((p, i) => {
      if (budget.slots < 0 || index.terms.length > MAX_TERMS) return;
      const c = compilePattern(p, lexicon, intern, rules.gap, budget, expansions);
      for (const message of c.problems) problems.push({ path: `${path}[${i}]`, message });
      const k = `${group}:${rule}`;
      if (!keys.has(k)) keys.set(k, keys.size);
      for (const seq of c.sequences)
        entries.push({ group, rule, seq, key: keys.get(k)!, index: entries.length, slotIds: seq.slots.slice(1).map(slotId) });
    });
  };

  const priorities = new Set<string>(policy.priorities.map((p) => p.id));
  const exclusions = new Set(policy.exclusions.map((e) => e.id));
  const tiers = new Map(policy.tiers.map((t) => [t.id, t]));
  const categories = new Set(policy.categories.map((c) => c.id));
  const requirements = new Set(policy.intake.requiredInformation.map((r) => r.id));
  const hints = new Set(policy.intake.hints.map((h) => h.id));
  const unknown = (path: string, what: string, id: string, known: Iterable<string>) =>
    problems.push({ path, message: `unknown ${what} "${id}"; known: ${[...known].join(', ') || 'none'}` });

  for (const [i, r] of rules.priorities.entries()) {
    if (!priorities.has(r.priority)) {
      unknown(`triage.priorities[${i}].priority`, 'priority', r.priority, priorities);
      continue;
    }
    add('priority', i, r.patterns, `triage.priorities[${i}].patterns`);
    add('with:priority', i, r.with, `triage.priorities[${i}].with`);
    add('unless:priority', i, r.unless, `triage.priorities[${i}].unless`);
  }
  for (const [i, r] of rules.ceilings.entries()) {
    if (!priorities.has(r.max)) {
      unknown(`triage.ceilings[${i}].max`, 'priority', r.max, priorities);
      continue;
    }
    add('ceiling', i, r.patterns, `triage.ceilings[${i}].patterns`);
    add('with:ceiling', i, r.with, `triage.ceilings[${i}].with`);
  }
  for (const [i, r] of rules.exclusions.entries()) {
    if (!exclusions.has(r.exclusion)) {
      unknown(`triage.exclusions[${i}].exclusion`, 'exclusion', r.exclusion, exclusions);
      continue;
    }
    add('exclusion', i, r.patterns, `triage.exclusions[${i}].patterns`);
    add('with:exclusion', i, r.with, `triage.exclusions[${i}].with`);
    add('unless', i, r.unless, `triage.exclusions[${i}].unless`);
  }
  for (const [i, r] of rules.tiers.entries()) {
    const tier = tiers.get(r.tier);
    if (!tier) {
      unknown(`triage.tiers[${i}].tier`, 'tier', r.tier, tiers.keys());
      continue;
    }
    // Escalation-only tiers are reached by people, never by first classification.
    if (tier.escalationOnly) {
      problems.push({ path: `triage.tiers[${i}].tier`, message: `tier "${r.tier}" is reached only by escalation` });
      continue;
    }
    add('tier', i, r.patterns, `triage.tiers[${i}].patterns`);
    add('with:tier', i, r.with, `triage.tiers[${i}].with`);
  }
  if (rules.defaultTier && !tiers.has(rules.defaultTier)) unknown('triage.defaultTier', 'tier', rules.defaultTier, tiers.keys());
  for (const [i, r] of rules.categories.entries()) {
    if (!categories.has(r.category)) {
      unknown(`triage.categories[${i}].category`, 'category', r.category, categories);
      continue;
    }
    add('category', i, r.patterns, `triage.categories[${i}].patterns`);
    add('with:category', i, r.with, `triage.categories[${i}].with`);
  }
  if (rules.defaultCategory && !categories.has(rules.defaultCategory))
    unknown('triage.defaultCategory', 'category', rules.defaultCategory, categories);
  rules.flags.forEach((r, i) => {
    if (r.hint && !hints.has(r.hint)) unknown(`triage.flags[${i}].hint`, 'intake hint', r.hint, hints);
    add('flag', i, r.patterns, `triage.flags[${i}].patterns`);
    add('with:flag', i, r.with, `triage.flags[${i}].with`);
  });
  // A text model decides a priority, a tier or an exclusion; "escalation" tiers are never a first reading.
  rules.model?.labels.forEach((label, i) => {
    const path = `triage.model.labels[${i}]`;
    const excluded = excludedIdOf(label);
    if (excluded !== null) {
      if (!exclusions.has(excluded)) unknown(path, 'exclusion', excluded, exclusions);
    } else if (!priorities.has(label) && !tiers.has(label)) unknown(path, 'priority or tier', label, [...priorities, ...tiers.keys()]);
    else if (tiers.get(label)?.escalationOnly) problems.push({ path, message: `tier "${label}" is reached only by escalation` });
  });
  // Where the customer marks one problem as the most severe ("lo más grave:", "THIS IS URGENT:"); see triage's decidePriority.
  if (lexicon.emphasis) add('emphasis', 0, ['@emphasis'], 'triage.lexicon.emphasis');
  const detectorPatterns: { requirement: string; detector: number }[] = [];
  rules.requiredInformation.forEach((r, i) => {
    if (!requirements.has(r.requirement))
      unknown(`triage.requiredInformation[${i}].requirement`, 'required information', r.requirement, requirements);
    r.anyOf.forEach((d, j) => {
      if (d.kind !== 'patterns') return;
      add('detector', detectorPatterns.length, d.patterns, `triage.requiredInformation[${i}].anyOf[${j}].patterns`);
      detectorPatterns.push({ requirement: r.requirement, detector: j });
    });
  });

  if (budget.slots < 0) {
    const most = MAX_COMPILED_SLOTS.toLocaleString('en-US');
    const message = `the patterns expand to more than ${most} slots once lexicon entries are filled in (entries used inside each other multiply); compiling stopped there`;
    problems.push({ path: 'triage', message });
  }
  if (index.terms.length > MAX_TERMS) {
    problems.push({
      path: 'triage',
      message: `the patterns use more than ${MAX_TERMS.toLocaleString('en-US')} distinct words or stems; compiling stopped there`,
    });
  }
  index.freeze();
  const byFirstTerm = keepReportable(entries, index.terms.length, keys.size, slotMembers.length);

  const negators = new Set((lexicon.neg ?? []).flatMap((e) => e.split(/[\s|]+/)).map(normalizeWord));
  const hypotheticals = new Set((lexicon.hypothetical ?? []).flatMap((e) => e.split(/[\s|]+/)).map(normalizeWord));

  const declaredWords = new Map<string, string>();
  const addWord = (w: string, id: string) => {
    const n = normalizeWord(w.trim());
    if (n && !declaredWords.has(n)) declaredWords.set(n, id);
  };
  for (const p of policy.priorities) {
    addWord(p.id, p.id);
    for (const l of Object.values(p.labels)) addWord(l, p.id);
  }
  for (const [id, words] of Object.entries(policy.declaredPriority?.synonyms ?? {})) {
    if (!priorities.has(id)) {
      unknown(`declaredPriority.synonyms.${id}`, 'priority', id, priorities);
      continue;
    }
    for (const w of words) addWord(w, id);
  }

  return {
    policy,
    rules,
    index,
    byFirstTerm,
    ruleKeys: keys.size,
    entries: entries.length,
    slotMembers,
    termSlots: invert(slotMembers, index.terms.length),
    negators,
    hypotheticals,
    declaredWords,
    declaredPrefixes: (policy.declaredPriority?.prefixes ?? ['prioridad', 'priority', 'prioridade']).map(normalizeWord),
    declaredBare: new Set((policy.declaredPriority?.bare ?? []).map(normalizeWord)),
    detectorPatterns,
    problems,
  };
}

/**
 * Files each entry under the terms its first slot accepts, leaving out an entry whose later slots and gaps start with
 * those of an earlier entry of the same rule under the same term: it can never be the match reported (one per rule and
 * start word, the first in order).
 */
function keepReportable(entries: Entry[], terms: number, ruleKeys: number, slots: number): Entry[][] {
  const byFirstTerm: Entry[][] = Array.from({ length: terms }, () => []);
  // A trie per rule of the entries' later (slot, gap) steps, walked once per entry rather than once per first term;
  // nodes 0..ruleKeys-1 are the rules' roots. `endsFor[node]` holds the first terms a kept entry ending there was filed under.
  const child = new Map<number, number>();
  const endsFor: (Set<number> | undefined)[] = new Array(ruleKeys).fill(undefined);
  const path: number[] = [];
  for (const e of entries) {
    let node = e.key;
    path.length = 0;
    path.push(node);
    for (let j = 0; j < e.slotIds.length; j++) {
      // Gaps are at most 6 words, so (node, slot, gap) packs into one small number.
      const key = (node * slots + e.slotIds[j]!) * 8 + e.seq.gaps[j + 1]!;
      let next = child.get(key);
      if (next === undefined) {
        next = endsFor.push(undefined) - 1;
        child.set(key, next);
      }
      path.push((node = next));
    }
    // Only nodes where a kept entry ends can dominate, and most paths pass none; the last node is checked apart, as ids
    // of this very entry may be added to it below (a first slot may repeat a term).
    const marked = path.filter((n) => n !== node && endsFor[n] !== undefined);
    for (const id of e.seq.slots[0]!) {
      if (endsFor[node]?.has(id) || endsUnder(marked, endsFor, id)) continue;
      let ends = endsFor[node];
      if (!ends) endsFor[node] = ends = new Set();
      ends.add(id);
      byFirstTerm[id]!.push(e);
    }
  }
  return byFirstTerm;
}

/** Whether, under first term `id`, a kept entry ends at one of these nodes of a path: its steps are a start of the path's. */
function endsUnder(nodes: readonly number[], endsFor: readonly (Set<number> | undefined)[], id: number): boolean {
  for (const node of nodes) if (endsFor[node]!.has(id)) return true;
  return false;
}

function invert(slotMembers: number[][], terms: number): number[][] {
  const out: number[][] = Array.from({ length: terms }, () => []);
  slotMembers.forEach((members, sid) => {
    for (const id of new Set(members)) out[id]!.push(sid);
  });
  return out;
}

/** Problems of a policy's triage rules (unknown ids, bad patterns), for the policy's validation. */
export function checkTriageRules(policy: Policy): Problem[] {
  return compileTriage(policy).problems;
}
