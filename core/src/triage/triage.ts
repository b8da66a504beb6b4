import type { Reason } from '../evaluation/evaluation-schema.js';
import type { LocalizedText, Policy } from '../policy/policy-schema.js';
import { type CompiledTriage, compileTriage } from './compile-triage.js';
import { detectInText } from './detect-information.js';
import { UnreadLanguageDetector } from './detect-unread-language.js';
import { type AsideSpan, findAsideText } from './find-aside-text.js';
import { type Match, PhraseMatcher } from './find-matches.js';
import { WordScanner, type Words } from './normalize-text.js';
import { readDeclaredPriority } from './read-declared-priority.js';
import { type ModelReading, modelWordsOf, TextModelReader } from './text-model-reader.js';
import { decisionLabel, excludedIdOf } from './text-model-schema.js';
import type { TriageResult } from './triage-result-schema.js';

export type { TriageResult } from './triage-result-schema.js';
export type TriageTicket = { subject: string; body: string };

/**
 * How much of a ticket triage reads: the subject's first 1,000 characters and the body's first 20,000 (about 3,000
 * words), each ending at a word boundary. The rest stays with the ticket but is not read, and a reason says so: what a
 * ticket needs to say fits in far less, and the cost of reading (linear in what is read) stays bounded.
 */
export const TRIAGE_SUBJECT_CHARS = 1_000;
export const TRIAGE_BODY_CHARS = 20_000;
/** A cut may step back this far to end at white space instead of inside a word. */
const CUT_LOOKBACK = 100;
const TEXT_LIMIT_RULE = 'intake:text-limit';

const MISMATCH_FLAG = 'priority-mismatch';
const LANGUAGE_FLAG = 'language-not-understood';
/** The confidence a decision read from a language the rules do not cover can have at most. */
const UNREAD_LANGUAGE_CONFIDENCE = 0.3;
/** Per word of the scan: own text, quoted history (read for nothing), or signature / forward header (read for contact details). */
const OWN = 0;
const QUOTED = 1;
const CONTACT = 2;

type Hit = { rule: number; match: Match; strength: number };

const PRIORITY = 0;
const CEILING = 1;
const EXCLUSION = 2;
const TIER = 3;
const CATEGORY = 4;
const FLAG = 5;
const WITH = 6;
const UNLESS = 12;
const DETECTOR = 13;
const PRIORITY_UNLESS = 14;
const EMPHASIS = 15;

/**
 * The rule groups a triage decides on, by index; `with:<group>` matches are filed at index + WITH, then unless and detector.
 * A switch: V8 compares these interned strings by reference, several times faster than a keyed lookup in a table.
 */
function groupIndex(group: Match['group']): number {
  switch (group) {
    case 'priority':
      return PRIORITY;
    case 'ceiling':
      return CEILING;
    case 'exclusion':
      return EXCLUSION;
    case 'tier':
      return TIER;
    case 'category':
      return CATEGORY;
    case 'flag':
      return FLAG;
    case 'with:priority':
      return WITH + PRIORITY;
    case 'with:ceiling':
      return WITH + CEILING;
    case 'with:exclusion':
      return WITH + EXCLUSION;
    case 'with:tier':
      return WITH + TIER;
    case 'with:category':
      return WITH + CATEGORY;
    case 'with:flag':
      return WITH + FLAG;
    case 'unless':
      return UNLESS;
    case 'detector':
      return DETECTOR;
    case 'unless:priority':
      return PRIORITY_UNLESS;
    case 'emphasis':
      return EMPHASIS;
  }
}

type RuleLike = { negation: 'skip' | 'only' | 'any'; weight: number; with: string[] };
const NEGATION_ANY = 0;
const NEGATION_SKIP = 1;
const NEGATION_ONLY = 2;
const NEGATION_CODE = { any: NEGATION_ANY, skip: NEGATION_SKIP, only: NEGATION_ONLY } as const;

/**
 * Per compiled policy: the rule lists' fields as flat tables, the policy's labels, and stamped scratch tables, so a
 * triage walks its matches once and reads no rule object in its loops (rule objects come in several shapes, which makes
 * reading their fields there slow).
 */
type Prep = {
  /** Splits the policy's tickets into words, numbered in its own vocabulary. */
  scanner: WordScanner;
  /** The policy's patterns compiled for matching. */
  matcher: PhraseMatcher;
  /** Whether a ticket is in a language the rules do not read. */
  language: UnreadLanguageDetector;
  /** The words of the policy's last ticket, whose arrays the next ticket's scan refills (nothing of a triage outlives it). */
  words: Words | undefined;
  /** Group index of each match of the current ticket (-1: set aside), grown as needed. */
  groupOf: Int8Array;
  /** Rule and clause of each `unless:priority` match of the current ticket, as pairs. */
  priorityUnless: number[];
  /**
   * Priority hits of the current ticket set aside by their rule's `unless` (a formula of politeness or procedure): they
   * count only when nothing else in the text speaks to the priority.
   */
  politeHits: Hit[];
  /** Emphasis matches of the current ticket ("lo más grave: …"). */
  emphasisMatches: Match[];
  /** The policy's text model, the second reader (null when the policy has none). */
  model: TextModelReader | null;
  /** Stamp of the current ticket (never 0, the tables' initial value). */
  stamp: number;
  /** Per group index WITH..DETECTOR: stamp of the ticket in which (group, rule) matched. */
  seen: Int32Array[];
  /** Per decided group: stamp and slot in the group's hit list of each rule's best hit. */
  bestStamp: Int32Array[];
  bestAt: Int32Array[];
  /** Per decided group and rule: whether it needs a `with` match, its negation code, its weight. */
  needsWith: Uint8Array[];
  negation: Uint8Array[];
  weight: Float64Array[];
  /** Per decided group, the current ticket's best hit per rule (reused: triage is synchronous and no list outlives it). */
  hitLists: Hit[][];
  /** Rule number of the `flag` group → echo. */
  echo: Uint8Array;
  /** Priority ids, most severe first; the rank of a priority is its index here. */
  priorityIds: string[];
  /** Per priority rank: "id (definition)", as reasons name it. */
  priorityLabel: string[];
  /** Rank of each priority rule's priority and of each ceiling rule's `max`. */
  priorityRank: Int32Array;
  ceilingRank: Int32Array;
  ceilingEvidence: Uint8Array;
  /** Scratch: score per priority rank; ceiling hits counted as evidence for their `max`. */
  priorityScore: Float64Array;
  countedCeilings: Hit[];
  /** Index in the policy's categories / tiers / exclusions of each rule's target, and the targets' labels. */
  categoryOf: Int32Array;
  categoryLabel: string[];
  defaultCategoryLabel: string;
  tierOf: Int32Array;
  tierLabel: string[];
  defaultTierLabel: string;
  exclusionOf: Int32Array;
  /** Scratch: score per category or tier. */
  targetScore: Float64Array;
  /** For requirement id: per detector of its first rule, the `detector` group rule numbers of its patterns. */
  detectorRules: Map<string, number[][]>;
  requirementRule: Map<string, CompiledTriage['rules']['requiredInformation'][number]>;
  /** Label of each entry of the policy's intake.requiredInformation (that of the first entry with its id). */
  requirementLabel: string[];
};

const preps = new WeakMap<CompiledTriage, Prep>();

function nextStamp(p: Prep): number {
  if (p.stamp >= 0x7ffffffe) {
    for (const a of p.seen) a.fill(0);
    for (const a of p.bestStamp) a.fill(0);
    p.stamp = 0;
  }
  return ++p.stamp;
}

function prepOf(c: CompiledTriage): Prep {
  const hit = preps.get(c);
  if (hit) return hit;
  const { policy, rules } = c;
  const locale = policy.locale;
  const lists: (readonly RuleLike[])[] = [rules.priorities, rules.ceilings, rules.exclusions, rules.tiers, rules.categories, rules.flags];
  const seen: Int32Array[] = [];
  for (let g = 0; g < WITH; g++) seen.push(new Int32Array(0));
  for (let g = 0; g < WITH; g++) seen.push(new Int32Array(lists[g]!.length));
  seen.push(new Int32Array(rules.exclusions.length)); // unless
  seen.push(new Int32Array(c.detectorPatterns.length)); // detector
  seen.push(new Int32Array(rules.priorities.length)); // unless:priority
  seen.push(new Int32Array(1)); // emphasis
  const requirementRule = new Map<string, CompiledTriage['rules']['requiredInformation'][number]>();
  for (const r of rules.requiredInformation) if (!requirementRule.has(r.requirement)) requirementRule.set(r.requirement, r);
  const detectorRules = new Map<string, number[][]>();
  for (const [id, r] of requirementRule) {
    detectorRules.set(
      id,
      r.anyOf.map((_, j) => {
        const ks: number[] = [];
        c.detectorPatterns.forEach((p, k) => {
          if (p.requirement === id && p.detector === j) ks.push(k);
        });
        return ks;
      }),
    );
  }
  const priorityIds: string[] = policy.priorities.map((p) => p.id);
  const categoryIds = policy.categories.map((x) => x.id);
  const tierIds = policy.tiers.map((x) => x.id);
  const exclusionIds = policy.exclusions.map((x) => x.id);
  const requirements = policy.intake.requiredInformation;
  const prep: Prep = {
    scanner: new WordScanner(),
    matcher: new PhraseMatcher(c),
    language: new UnreadLanguageDetector(),
    words: undefined,
    groupOf: new Int8Array(256),
    priorityUnless: [],
    politeHits: [],
    emphasisMatches: [],
    model: rules.model ? new TextModelReader(rules.model) : null,
    stamp: 0,
    seen,
    bestStamp: lists.map((l) => new Int32Array(l.length)),
    bestAt: lists.map((l) => new Int32Array(l.length)),
    needsWith: lists.map((l) => Uint8Array.from(l, (r) => (r.with.length > 0 ? 1 : 0))),
    negation: lists.map((l) => Uint8Array.from(l, (r) => NEGATION_CODE[r.negation])),
    weight: lists.map((l) => Float64Array.from(l, (r) => r.weight)),
    hitLists: lists.map(() => []),
    echo: Uint8Array.from(rules.flags, (f) => (f.echo ? 1 : 0)),
    priorityIds,
    priorityLabel: priorityIds.map((id) => `${id} (${text(policy.priorities.find((p) => p.id === id)?.definition, 'en')})`),
    priorityRank: Int32Array.from(rules.priorities, (r) => priorityIds.indexOf(r.priority)),
    ceilingRank: Int32Array.from(rules.ceilings, (r) => priorityIds.indexOf(r.max)),
    ceilingEvidence: Uint8Array.from(rules.ceilings, (r) => (r.evidence ? 1 : 0)),
    priorityScore: new Float64Array(priorityIds.length),
    countedCeilings: [],
    categoryOf: Int32Array.from(rules.categories, (r) => categoryIds.indexOf(r.category)),
    categoryLabel: categoryIds.map((id) => text(policy.categories.find((x) => x.id === id)?.label, locale)),
    defaultCategoryLabel: text(policy.categories.find((x) => x.id === rules.defaultCategory)?.label, locale),
    tierOf: Int32Array.from(rules.tiers, (r) => tierIds.indexOf(r.tier)),
    tierLabel: tierIds.map((id) => text(policy.tiers.find((x) => x.id === id)?.label, locale)),
    defaultTierLabel: text(policy.tiers.find((x) => x.id === rules.defaultTier)?.label, locale),
    exclusionOf: Int32Array.from(rules.exclusions, (r) => exclusionIds.indexOf(r.exclusion)),
    targetScore: new Float64Array(Math.max(categoryIds.length, tierIds.length)),
    detectorRules,
    requirementRule,
    requirementLabel: requirements.map((req) => text(requirements.find((r) => r.id === req.id)?.label, locale)),
  };
  preps.set(c, prep);
  return prep;
}

const text = (t: LocalizedText | undefined, locale: string): string =>
  t ? ((t as Record<string, string | undefined>)[locale] ?? t.es) : '';
const clamp = (x: number) => Math.round(Math.min(0.97, Math.max(0.05, x)) * 100) / 100;

function removeFlag(flags: string[], flag: string): void {
  const at = flags.indexOf(flag);
  if (at >= 0) flags.splice(at, 1);
}

/** Adds a flag once, keeping the order in which flags were first added. */
function addFlag(flags: string[], flag: string): void {
  if (!flags.includes(flag)) flags.push(flag);
}

/** Strongest first (a stable sort keeps ties in their order). */
const byStrength = (a: Hit, b: Hit) => b.strength - a.strength;
const byRule = (a: Hit, b: Hit) => a.rule - b.rule;

/**
 * The target (category or tier, by index in the policy) with the most evidence; ties go to the one the policy lists first.
 * Its hits come strongest first, so the first one names the deciding rule.
 */
function topTarget(hits: Hit[], targetOf: Int32Array, scores: Float64Array): { target: number; score: number; hits: Hit[] } | undefined {
  if (hits.length === 0) return undefined;
  scores.fill(0);
  for (const h of hits) {
    const t = targetOf[h.rule]!;
    scores[t] = scores[t]! + h.strength;
  }
  // Strengths are positive, so the targets with hits are those scoring above 0.
  let top = 0;
  for (let t = 1; t < scores.length; t++) if (scores[t]! > scores[top]!) top = t;
  const topHits: Hit[] = [];
  for (const h of hits) if (targetOf[h.rule] === top) topHits.push(h);
  return { target: top, score: scores[top]!, hits: topHits.sort(byStrength) };
}

/** Exclusion hits in the order they are tried: strongest first, then by rule. */
const triedBefore = (a: Hit, b: Hit) => a.strength > b.strength || (a.strength === b.strength && a.rule < b.rule);

/** Decides a ticket's priority, exclusion, tier, category and text-only intake checks, each with its reasons. */
/** What triage reads of a ticket: the readable parts, their words, and which words are set aside (quoted, signature). */
type ReadTicket = { subject: string; body: string; fullText: string; tokenized: Words; aside: AsideSpan[]; asideOf: Int8Array | null };

function readTicket(prep: Prep, ticket: TriageTicket): ReadTicket {
  const subject = readablePart(ticket.subject ?? '', TRIAGE_SUBJECT_CHARS);
  const body = readablePart(ticket.body ?? '', TRIAGE_BODY_CHARS);
  // One string for the scan and the detectors. join builds it flat; a template would build a cons string, which the scan
  // reads char by char more slowly.
  const fullText = [subject, body].join('\n');
  const tokenized = (prep.words = prep.scanner.scan(fullText, prep.words));
  const aside = findAsideText(subject, body);
  let asideOf = aside.length > 0 ? wordsAside(tokenized, aside, subject.length + 1) : null;
  // A reply's subject names the thread's earlier matter ("RE: slow till"): the new message in the body decides.
  if (REPLY_SUBJECT.test(subject)) asideOf = withReplySubjectAside(tokenized, asideOf, subject.length + 1);
  return { subject, body, fullText, tokenized, aside, asideOf };
}

/** The distinct words a policy's text model reads in a ticket (the customer's own words, normalised): what training sees. */
export function textModelWords(policy: Policy, ticket: TriageTicket): string[] {
  const read = readTicket(prepOf(compileTriage(policy)), ticket);
  return modelWordsOf(read.tokenized, read.asideOf);
}

export function triage(policy: Policy, ticket: TriageTicket): TriageResult {
  const c = compileTriage(policy);
  const { rules } = c;
  const prep = prepOf(c);
  const { subject, body, fullText, tokenized, aside, asideOf } = readTicket(prep, ticket);
  const matches = prep.matcher.find(tokenized);
  const locale = policy.locale;
  const reasons: Reason[] = [];
  const flags: string[] = [];
  const unread = textLimitReason(ticket, subject, body);
  if (unread) reasons.push(unread);
  if (aside.length > 0) reasons.push(asideReason(body, aside));

  // One walk over the matches: which (with-group, rule), unless and detector matched, which words are masked,
  // then each group's best hit per rule, in the order of each rule's first usable match.
  const stamp = nextStamp(prep);
  const { seen, bestStamp, bestAt, needsWith, negation, weight, hitLists, echo, priorityUnless, politeHits, emphasisMatches } = prep;
  const afterContrast = rules.decision.afterContrast;
  if (prep.groupOf.length < matches.length) prep.groupOf = new Int8Array(matches.length * 2);
  const groupOf = prep.groupOf;
  /** Positions of words a non-echo rule matched (offensive words): never shown in any reason. */
  let masked: Set<number> | null = null;
  priorityUnless.length = 0;
  politeHits.length = 0;
  emphasisMatches.length = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const g = groupIndex(m.group);
    // Quoted history counts for nothing; a signature or a forward's header only for the contact details it gives.
    const where = asideOf === null ? OWN : asideOf[m.positions[0]!]!;
    if (where !== OWN && (where === QUOTED || g !== DETECTOR)) {
      groupOf[i] = -1;
      continue;
    }
    groupOf[i] = g;
    if (g === PRIORITY_UNLESS) priorityUnless.push(m.rule, m.clause);
    else if (g === EMPHASIS) emphasisMatches.push(m);
    if (g >= WITH) seen[g]![m.rule] = stamp;
    else if (g === FLAG && echo[m.rule] === 0) {
      masked ??= new Set();
      for (const p of m.positions) masked.add(p);
    }
  }
  for (let g = 0; g < WITH; g++) hitLists[g]!.length = 0;
  for (let i = 0; i < matches.length; i++) {
    const g = groupOf[i]!;
    if (g < 0 || g >= WITH) continue;
    const m = matches[i]!;
    const rule = m.rule;
    if (needsWith[g]![rule] === 1 && seen[g + WITH]![rule] !== stamp) continue;
    const neg = negation[g]![rule];
    if (neg === NEGATION_ONLY ? !m.negated : neg === NEGATION_SKIP && m.negated) continue;
    const s = weight[g]![rule]! * (tokenized.afterContrast[m.clause] === 1 ? afterContrast : 1);
    if (g === PRIORITY && seen[PRIORITY_UNLESS]![rule] === stamp && unlessInClause(priorityUnless, rule, m.clause)) {
      politeHits.push({ rule, match: m, strength: s });
      continue;
    }
    const list = hitLists[g]!;
    if (bestStamp[g]![rule] !== stamp) {
      bestStamp[g]![rule] = stamp;
      bestAt[g]![rule] = list.length;
      list.push({ rule, match: m, strength: s });
    } else {
      const at = bestAt[g]![rule]!;
      const prev = list[at]!;
      if (s > prev.strength || (s === prev.strength && m.clause > prev.match.clause)) list[at] = { rule, match: m, strength: s };
    }
  }

  // Category first: intake requirements and flag rules may depend on it.
  let category: string | null = null;
  if (policy.categories.length > 0) {
    const top = topTarget(hitLists[CATEGORY]!, prep.categoryOf, prep.targetScore);
    if (top) {
      const r = rules.categories[top.hits[0]!.rule]!;
      category = r.category;
      const evidence: string[] = [];
      for (const h of top.hits) evidence.push(quote(tokenized, h.match.positions, masked));
      reasons.push({
        rule: `category:${category}/${r.id}`,
        kind: 'category',
        detail: `Routed to ${prep.categoryLabel[top.target]}: ${r.note ?? r.id}.`,
        evidence,
        confidence: clamp(0.5 + 0.1 * top.score),
      });
    } else if (rules.defaultCategory) {
      category = rules.defaultCategory;
      reasons.push({
        rule: 'category:default',
        kind: 'category',
        detail: `No routing words found: routed to ${prep.defaultCategoryLabel}, the default channel.`,
        evidence: [],
        confidence: 0.4,
      });
    }
  }

  // Exclusions: the first matching rule (by weight, then order) whose `unless` does not match.
  let exclusion: TriageResult['exclusion'] = null;
  const unlessSeen = seen[UNLESS]!;
  let exHit: Hit | null = null;
  let blocked: Hit | null = null;
  for (const h of hitLists[EXCLUSION]!) {
    if (unlessSeen[h.rule] !== stamp) {
      if (exHit === null || triedBefore(h, exHit)) exHit = h;
    } else if (blocked === null || triedBefore(h, blocked)) blocked = h;
  }
  if (exHit) {
    const r = rules.exclusions[exHit.rule]!;
    const ex = policy.exclusions[prep.exclusionOf[exHit.rule]!]!;
    exclusion = { id: ex.id, description: text(ex.description, locale) };
    for (const f of ex.flags) addFlag(flags, f);
    reasons.push({
      rule: `exclusion:${ex.id}/${r.id}`,
      kind: 'exclusion',
      detail: `Excluded from the targets (${ex.id}): ${text(ex.description, locale)}${r.note ? ` — ${r.note}` : ''}`,
      evidence: [quote(tokenized, exHit.match.positions, masked)],
      confidence: clamp(0.55 + 0.1 * exHit.strength),
    });
  } else if (blocked) {
    const r = rules.exclusions[blocked.rule]!;
    reasons.push({
      rule: `exclusion:${r.exclusion}/${r.id}/not-applied`,
      kind: 'exclusion',
      detail: `Mentions ${r.exclusion}, but not excluded: the text matches an exception of the rule (${r.note ?? r.id}).`,
      evidence: [quote(tokenized, blocked.match.positions, masked)],
      confidence: 0.6,
    });
  }

  // Priority.
  const declared = policy.priorities.length > 0 ? readDeclaredPriority(c, subject) : null;
  const priorityFrom = reasons.length;
  let priority = decidePriority(tokenized, c, prep, declared?.priority ?? null, masked, reasons, flags);

  // A language the rules do not read: say so, and keep the priority's confidence low (it rests on look-alike words or defaults).
  const language = prep.language.detect(tokenized, asideOf);
  if (language) {
    addFlag(flags, LANGUAGE_FLAG);
    for (let i = priorityFrom; i < reasons.length; i++)
      reasons[i]!.confidence = Math.min(reasons[i]!.confidence, UNREAD_LANGUAGE_CONFIDENCE);
    reasons.push({
      rule: `intake:${LANGUAGE_FLAG}`,
      kind: 'intake',
      detail: `The text reads as ${language.language} (${language.foreign} of its common words), which the triage rules do not read (they read Spanish, Portuguese and English): the priority and routing are a guess from look-alike words or the defaults; a person should read it.`,
      evidence: [],
      confidence: 0.8,
    });
  }

  // Tier.
  let tier: string | null = null;
  if (policy.tiers.length > 0) {
    const top = topTarget(hitLists[TIER]!, prep.tierOf, prep.targetScore);
    if (top) {
      const sorted = top.hits;
      const first = rules.tiers[sorted[0]!.rule]!;
      tier = first.tier;
      const tierFlags: string[] = [];
      let why = '';
      const evidence: string[] = [];
      for (let i = 0; i < sorted.length; i++) {
        const r = rules.tiers[sorted[i]!.rule]!;
        for (const f of r.flags) addFlag(tierFlags, f);
        why += (i > 0 ? '; ' : '') + (r.note ?? r.id);
        evidence.push(quote(tokenized, sorted[i]!.match.positions, masked));
      }
      for (const f of tierFlags) addFlag(flags, f);
      reasons.push({
        rule: `tier:${tier}/${first.id}`,
        kind: 'tier',
        detail: `${prep.tierLabel[top.target]}: ${why}.${tierFlags.length ? ` Flags: ${tierFlags.join(', ')}.` : ''}`,
        evidence,
        confidence: clamp(0.5 + 0.1 * top.score),
      });
    } else if (rules.defaultTier) {
      tier = rules.defaultTier;
      reasons.push({
        rule: 'tier:default',
        kind: 'tier',
        detail: `No administrative or tier words found: first classification is ${prep.defaultTierLabel}.`,
        evidence: [],
        confidence: 0.45,
      });
    }
  }

  // The text model reads second: where it disagrees with the rules and is sure enough, it decides, and says from which words.
  if (prep.model && !language) {
    const ruled = decisionLabel({ priority, tier, exclusion });
    const reading = prep.model.read(tokenized, asideOf);
    if (reading.label !== ruled && reading.probability >= rules.model!.threshold && reading.read >= rules.model!.minWords) {
      const words = prep.model.strongestWords(reading, ruled);
      const decided = decideByModel(policy, reading, words, ruled, rules.model!.trainedOn.tickets, { priority, tier, exclusion }, flags);
      ({ priority, tier, exclusion } = decided.result);
      reasons.push(decided.reason);
      if (declared) {
        if (priority === declared.priority) removeFlag(flags, MISMATCH_FLAG);
        else if (priority) addFlag(flags, MISMATCH_FLAG);
      }
    }
  }

  // Flag rules (hints such as external causes, offensive language).
  const flagHits = hitLists[FLAG]!.sort(byRule);
  for (const h of flagHits) {
    const r = rules.flags[h.rule]!;
    if (r.categories.length > 0 && (!category || !r.categories.includes(category))) continue;
    if (flags.includes(r.flag) && hasReasonStarting(reasons, `intake:${r.flag}/`)) continue;
    addFlag(flags, r.flag);
    const hint = r.hint ? text(policy.intake.hints.find((x) => x.id === r.hint)?.text, locale) : '';
    let count = 0;
    for (const x of flagHits) if (rules.flags[x.rule]!.flag === r.flag) count++;
    reasons.push({
      rule: `intake:${r.flag}/${r.id}`,
      kind: 'intake',
      detail: r.echo
        ? `${r.note ?? r.id}.${hint ? ` Policy: "${hint}"` : ''}`
        : `${r.note ?? r.id} (${count} expression${count === 1 ? '' : 's'}; the words are not repeated here).${hint ? ` Policy: "${hint}"` : ''}`,
      evidence: r.echo ? [quote(tokenized, h.match.positions, masked)] : [],
      confidence: clamp(0.55 + 0.1 * h.strength),
    });
  }

  // Required information.
  const missingInformation: string[] = [];
  const missingLabels: string[] = [];
  const detectorSeen = seen[DETECTOR]!;
  const requirements = policy.intake.requiredInformation;
  let bodyWords = -1;
  // Contact details may come from the signature or a forward's header, never from the quoted history (the support team's own).
  const contactBody = aside.some((a) => a.kind === 'quote') ? withoutQuotes(body, aside) : body;
  const contactText = contactBody === body ? fullText : [subject, contactBody].join('\n');
  for (let i = 0; i < requirements.length; i++) {
    const req = requirements[i]!;
    if (req.categories.length > 0 && (!category || !req.categories.includes(category))) continue;
    const rule = prep.requirementRule.get(req.id);
    if (!rule) continue;
    const patternRules = prep.detectorRules.get(req.id)!;
    let found = false;
    for (let j = 0; j < rule.anyOf.length && !found; j++) {
      const d = rule.anyOf[j]!;
      if (d.kind === 'patterns') {
        for (const k of patternRules[j]!) if (detectorSeen[k] === stamp) found = true;
      } else {
        if (d.kind === 'words' && bodyWords < 0) bodyWords = ownWordsFrom(tokenized, subject.length + 1, asideOf);
        found = detectInText(d, contactText, contactBody, bodyWords, policy.intake.minimumContacts);
      }
    }
    if (!found) {
      missingInformation.push(req.id);
      missingLabels.push(prep.requirementLabel[i]!);
    }
  }
  if (missingInformation.length > 0) {
    addFlag(flags, rules.missingInformationFlag);
    reasons.push({
      rule: `intake:${rules.missingInformationFlag}`,
      kind: 'intake',
      detail: `The request does not give: ${missingLabels.join(', ')}. Ask the customer for it.`,
      evidence: [],
      confidence: 0.7,
      missing: missingInformation,
    });
  }

  return { priority, declaredPriority: declared?.priority ?? null, tier, category, exclusion, flags, reasons, missingInformation };
}

type Decided = Pick<TriageResult, 'priority' | 'tier' | 'exclusion'>;

/** The decision with the model's label in place of the rules' (`ruled`), the exclusion's flags following it, and the reason. */
function decideByModel(
  policy: Policy,
  reading: ModelReading,
  strongest: string[],
  ruled: string | null,
  trainedOn: number,
  before: Decided,
  flags: string[],
): { result: Decided; reason: Reason } {
  const result = { ...before };
  const label = reading.label;
  const locale = policy.locale;
  const excludedId = excludedIdOf(label);
  const excluded = excludedId === null ? undefined : policy.exclusions.find((x) => x.id === excludedId);
  if (before.exclusion && before.exclusion.id !== excluded?.id)
    for (const f of policy.exclusions.find((x) => x.id === before.exclusion!.id)?.flags ?? []) removeFlag(flags, f);
  let kind: Reason['kind'];
  if (excluded) {
    result.exclusion = { id: excluded.id, description: text(excluded.description, locale) };
    for (const f of excluded.flags) addFlag(flags, f);
    kind = 'exclusion';
  } else {
    result.exclusion = null;
    if (policy.priorities.some((p) => p.id === label)) {
      result.priority = label;
      kind = 'priority';
    } else {
      result.tier = label;
      kind = 'tier';
    }
  }
  const words = strongest.map((w) => `"${w}"`).join(', ');
  return {
    result,
    reason: {
      rule: `${kind}:${excluded ? excluded.id : label}/text-model`,
      kind,
      detail: `The rules read ${ruled ?? 'nothing'}; the text model (trained on ${trainedOn} labelled tickets) reads ${label} with ${Math.round(100 * reading.probability)} % probability${words ? `, mostly from ${words}` : ''}: using ${label}.`,
      evidence: strongest,
      confidence: clamp(reading.probability),
    },
  };
}

/** Whether a hit is evidence for a priority above the lowest (a problem rather than a question or request). */
function statesProblem(hits: Hit[], priorityRank: Int32Array, lowest: number): boolean {
  for (const h of hits) if (priorityRank[h.rule]! < lowest) return true;
  return false;
}

/** Moves the polite hits into `hits`, the strongest per rule. */
function revivePoliteHits(hits: Hit[], politeHits: readonly Hit[]): void {
  for (const h of politeHits) {
    let k = 0;
    while (k < hits.length && hits[k]!.rule !== h.rule) k++;
    if (k === hits.length) hits.push(h);
    else if (h.strength > hits[k]!.strength) hits[k] = h;
  }
}

/** Whether priority rule `rule` has an `unless` match (`priorityUnless`: rule, clause pairs) in clause `clause`. */
function unlessInClause(priorityUnless: readonly number[], rule: number, clause: number): boolean {
  for (let k = 0; k < priorityUnless.length; k += 2) if (priorityUnless[k] === rule && priorityUnless[k + 1] === clause) return true;
  return false;
}

/** The first `max` characters of `text` (all of it when shorter), cut at white space when there is some near the end. */
function readablePart(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max;
  // Never split a surrogate pair.
  if (cut > 0 && text.charCodeAt(cut - 1) >= 0xd800 && text.charCodeAt(cut - 1) <= 0xdbff) cut--;
  for (let i = cut; i > max - CUT_LOOKBACK && i > 0; i--) {
    if (/\s/.test(text[i]!)) return text.slice(0, i);
  }
  return text.slice(0, cut);
}

const count = (n: number) => n.toLocaleString('en-US');

/** Says which part of the ticket triage did not read, or null when it read all of it. */
function textLimitReason(ticket: TriageTicket, subject: string, body: string): Reason | null {
  const parts: string[] = [];
  const fullSubject = ticket.subject ?? '';
  const fullBody = ticket.body ?? '';
  if (subject.length < fullSubject.length)
    parts.push(`the subject has ${count(fullSubject.length)} characters and only its first ${count(subject.length)} were read`);
  if (body.length < fullBody.length)
    parts.push(`the body has ${count(fullBody.length)} characters and only its first ${count(body.length)} were read`);
  if (parts.length === 0) return null;
  return {
    rule: TEXT_LIMIT_RULE,
    kind: 'intake',
    detail: `Not all of the text was read: ${parts.join('; ')} (triage reads at most ${count(TRIAGE_SUBJECT_CHARS)} characters of subject and ${count(TRIAGE_BODY_CHARS)} of body). Put what matters first, or split the ticket.`,
    evidence: [],
    confidence: 1,
  };
}

function hasReasonStarting(reasons: Reason[], prefix: string): boolean {
  for (const x of reasons) if (x.rule.startsWith(prefix)) return true;
  return false;
}

/** Number of the customer's own words (not set aside) from the first one starting at or after `from`. */
function ownWordsFrom(t: Words, from: number, asideOf: Int8Array | null): number {
  const n = wordsFrom(t, from);
  if (asideOf === null) return n;
  let own = 0;
  for (let i = t.n - n; i < t.n; i++) if (asideOf[i] === OWN) own++;
  return own;
}

/** Per scanned word, OWN, QUOTED or CONTACT, from the body's aside spans (`offset`: where the body starts in the scan). */
function wordsAside(t: Words, spans: AsideSpan[], offset: number): Int8Array {
  const of = new Int8Array(t.n);
  let k = 0;
  for (let i = 0; i < t.n; i++) {
    const at = t.start[i]! - offset;
    while (k < spans.length && spans[k]!.end <= at) k++;
    if (k === spans.length) break;
    if (at >= spans[k]!.start) of[i] = spans[k]!.kind === 'quote' ? QUOTED : CONTACT;
  }
  return of;
}

/** "RE:", "RV:", "Res:", "AW:" (replies, not forwards: a forward's subject is the matter forwarded). */
const REPLY_SUBJECT = /^\s*(?:\[[^\]]*\]\s*)?(?:re|rv|res|aw|sv)\s*:/i;

/**
 * The aside table with a reply's subject words marked as quoted history, when the body has words of its own to decide on;
 * `from`: where the body starts in the scan.
 */
function withReplySubjectAside(t: Words, asideOf: Int8Array | null, from: number): Int8Array | null {
  let own = false;
  for (let i = t.n - wordsFrom(t, from); i < t.n && !own; i++) if (asideOf === null || asideOf[i] === OWN) own = true;
  if (!own) return asideOf;
  const of = asideOf ?? new Int8Array(t.n);
  for (let i = 0; i < t.n && t.start[i]! < from; i++) of[i] = QUOTED;
  return of;
}

/** The body with its quoted spans left out. */
function withoutQuotes(body: string, spans: AsideSpan[]): string {
  let out = '';
  let from = 0;
  for (const s of spans) {
    if (s.kind !== 'quote') continue;
    out += body.slice(from, s.start);
    from = s.end;
  }
  return out + body.slice(from);
}

const ASIDE_LABEL = {
  quote: 'quoted earlier messages',
  'forward-header': "a forwarded message's header",
  signature: 'the signature',
} as const;

/** Says which lines were not read as the customer's words, quoting the first line of the quoted history. */
function asideReason(body: string, spans: AsideSpan[]): Reason {
  const lines = { quote: 0, 'forward-header': 0, signature: 0 };
  for (const s of spans) lines[s.kind] += s.lines;
  const parts: string[] = [];
  for (const kind of ['quote', 'forward-header', 'signature'] as const)
    if (lines[kind] > 0) parts.push(`${ASIDE_LABEL[kind]} (${lines[kind]} line${lines[kind] === 1 ? '' : 's'})`);
  const quote = spans.find((s) => s.kind === 'quote');
  const first = quote ? body.slice(quote.start, quote.end).split('\n', 1)[0]!.trim() : '';
  return {
    rule: 'intake:text-set-aside',
    kind: 'intake',
    detail: `Not read as the customer's words: ${parts.join(', ')}.${lines.signature + lines['forward-header'] > 0 ? ' Contact details there still count.' : ''}`,
    evidence: first ? [first.length > 120 ? `${first.slice(0, 117)}...` : first] : [],
    confidence: 0.9,
  };
}

/** Number of words from the first one starting at or after `from` (words start in ascending order). */
function wordsFrom(t: Words, from: number): number {
  let lo = 0;
  let hi = t.n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.start[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return t.n - lo;
}

const HYPOTHETICAL_WINDOW = 3;

/** A hypothetical word ("sería", "would", "tendríamos") up to HYPOTHETICAL_WINDOW words before the match, in its clause. */
function hypothetical(c: CompiledTriage, t: Words, m: Match): boolean {
  if (c.hypotheticals.size === 0) return false;
  const p = m.positions[0]!;
  for (let q = p - 1; q >= 0 && q >= p - HYPOTHETICAL_WINDOW && t.clause[q] === m.clause; q--)
    if (c.hypotheticals.has(t.norm[q]!)) return true;
  return false;
}

function decidePriority(
  tokenized: Words,
  c: CompiledTriage,
  p: Prep,
  declared: string | null,
  masked: ReadonlySet<number> | null,
  reasons: Reason[],
  flags: string[],
): string | null {
  const { policy, rules } = c;
  if (policy.priorities.length === 0) return null;
  const hits = p.hitLists[PRIORITY]!;
  const { priorityIds: order, priorityRank, ceilingRank, priorityScore: scores, countedCeilings: counted } = p;
  // "Solicitamos los pasos para…" is not the severity beside a stated problem; when no problem is stated it is the request.
  if (p.politeHits.length > 0 && !statesProblem(hits, priorityRank, order.length - 1)) revivePoliteHits(hits, p.politeHits);
  const priorityWeight = p.weight[PRIORITY]!;
  scores.fill(0);
  for (const h of hits) {
    const r = priorityRank[h.rule]!;
    scores[r] = scores[r]! + h.strength;
  }
  // A ceiling ("there is a workaround", "the rest keeps working") caps the more severe priorities and, unless `evidence: false`,
  // is evidence for its own; not when more severe evidence comes in a later clause after a contrast ("funcionaba, pero ahora
  // no factura"), nor when the workaround is only hypothetical ("sería una alternativa").
  let ceiling: Hit | null = null;
  let ceilingMax = -1;
  counted.length = 0;
  for (const h of p.hitLists[CEILING]!) {
    const max = ceilingRank[h.rule]!;
    let overridden = false;
    for (const x of hits) {
      if (priorityRank[x.rule]! < max && x.match.clause > h.match.clause && x.strength > priorityWeight[x.rule]!) {
        overridden = true;
        break;
      }
    }
    if (overridden || hypothetical(c, tokenized, h.match)) continue;
    if (p.ceilingEvidence[h.rule] === 1) {
      scores[max] = scores[max]! + h.strength;
      counted.push(h);
    }
    if (ceiling === null || max > ceilingMax) {
      ceiling = h;
      ceilingMax = max;
    }
  }
  if (ceiling) scores.fill(0, 0, ceilingMax);

  // The best scoring priority (ties: the most severe) and the runner-up's score.
  let top = -1;
  for (let r = 0; r < scores.length; r++) if (scores[r]! > 0 && (top < 0 || scores[r]! > scores[top]!)) top = r;
  // Several problems, one marked as the most severe ("lo más grave: …"): the most severe evidence in the marked clause or the
  // next decides, so milder questions and requests around it do not dilute it.
  const stressed = top > 0 ? stressedRank(tokenized, p.emphasisMatches, hits, priorityRank, ceiling ? ceilingMax : 0) : -1;
  if (stressed >= 0 && stressed < top) {
    top = stressed;
    reasons.push({
      rule: 'priority/stressed',
      kind: 'priority',
      detail: `Several matters in one message: the one the customer marks as the most severe decides (${p.priorityLabel[top]}).`,
      evidence: p.emphasisMatches.map((m) => quote(tokenized, m.positions, masked)),
      confidence: 0.7,
    });
  }
  let second = 0;
  for (let r = 0; r < scores.length; r++) if (r !== top && scores[r]! > second) second = scores[r]!;
  const textConfidence = top >= 0 ? clamp(0.45 + 0.07 * scores[top]! + 0.08 * (scores[top]! - second)) : 0;

  if (declared) {
    if (top < 0) {
      reasons.push({
        rule: 'declared-priority/kept',
        kind: 'declared-priority',
        detail: `The customer declared "${declared}" in the subject and the text gives no clear evidence against it.`,
        evidence: [],
        confidence: 0.6,
      });
      return declared;
    }
    const declaredRank = order.indexOf(declared);
    if (top === declaredRank) {
      reasons.push({
        rule: 'declared-priority/confirmed',
        kind: 'declared-priority',
        detail: `The customer declared "${declared}" in the subject and the text agrees.`,
        evidence: [],
        confidence: Math.max(0.8, textConfidence),
      });
      pushTextReasons(tokenized, c, p, declaredRank, Math.max(0.8, textConfidence), ceiling, masked, reasons);
      return declared;
    }
    const sTop = scores[top]!;
    const sDeclared = scores[declaredRank]!;
    const capped = ceiling !== null && declaredRank < ceilingMax;
    // A more severe definition met outright is clear even beside the declared priority's own evidence (an outage shows
    // errors too); a milder reading must lead by a margin.
    const escalates = top < declaredRank;
    const clear = sTop >= rules.decision.clearScore && (escalates ? sTop >= sDeclared : sTop - sDeclared >= rules.decision.clearMargin);
    if (capped || clear) {
      addFlag(flags, MISMATCH_FLAG);
      reasons.push({
        rule: `declared-priority/mismatch`,
        kind: 'declared-priority',
        detail: `The customer declared "${declared}", but the text matches ${p.priorityLabel[top]}: using ${order[top]}.`,
        evidence: [],
        confidence: textConfidence,
      });
      pushTextReasons(tokenized, c, p, top, textConfidence, ceiling, masked, reasons);
      return order[top]!;
    }
    reasons.push({
      rule: 'declared-priority/kept',
      kind: 'declared-priority',
      detail: `The customer declared "${declared}"; the text leans to ${order[top]} but not clearly enough to change it.`,
      evidence: [],
      confidence: 0.55,
    });
    return declared;
  }
  if (top >= 0) {
    pushTextReasons(tokenized, c, p, top, textConfidence, ceiling, masked, reasons);
    return order[top]!;
  }
  const fallback = policy.defaultPriority;
  if (fallback)
    reasons.push({
      rule: 'default-priority',
      kind: 'default',
      detail: `Nothing in the text matches a priority's definition: the policy's default, ${fallback}.`,
      evidence: [],
      confidence: 0.35,
    });
  return fallback;
}

/**
 * The most severe rank (not above `minRank`) of a priority hit that an emphasis match marks: after it in its clause, in the
 * next clause, or further on its line (a list item: "3. Y lo más grave: la web (…) sale en blanco, para todos"); -1 if none.
 */
function stressedRank(t: Words, emphasisMatches: readonly Match[], hits: Hit[], priorityRank: Int32Array, minRank: number): number {
  if (emphasisMatches.length === 0) return -1;
  // Per emphasis match, where its line ends in the text. Matches come in text order, so each line end is searched from the
  // previous one: linear in the text.
  const emphasisLineEnd: number[] = [];
  let lineEnd = -1;
  for (const e of emphasisMatches) {
    const from = t.end[e.positions[e.positions.length - 1]!]!;
    if (from > lineEnd) {
      lineEnd = t.text.indexOf('\n', from);
      if (lineEnd < 0) lineEnd = t.text.length;
    }
    emphasisLineEnd.push(lineEnd);
  }
  let best = -1;
  for (const h of hits) {
    const r = priorityRank[h.rule]!;
    if (r < minRank || (best >= 0 && r >= best)) continue;
    const at = h.match.positions[0]!;
    for (let k = 0; k < emphasisMatches.length; k++) {
      const e = emphasisMatches[k]!;
      const after =
        h.match.clause === e.clause
          ? at > e.positions[0]!
          : h.match.clause === e.clause + 1 || (at > e.positions[0]! && t.start[at]! < emphasisLineEnd[k]!);
      if (after) best = r;
    }
  }
  return best;
}

/** Inserts `h` into `best` (at most three hits, strongest first) after those at least as strong. */
function keepStrongest(best: Hit[], h: Hit): void {
  let k = best.length;
  while (k > 0 && h.strength > best[k - 1]!.strength) k--;
  if (k === 3) return;
  best.splice(k, 0, h);
  if (best.length > 3) best.pop();
}

/** The reasons for priority `rank`: its three strongest pieces of evidence, and the ceiling that capped at it if not among them. */
function pushTextReasons(
  tokenized: Words,
  c: CompiledTriage,
  p: Prep,
  rank: number,
  confidence: number,
  ceiling: Hit | null,
  masked: ReadonlySet<number> | null,
  reasons: Reason[],
): void {
  const { rules } = c;
  const { priorityRank, ceilingRank } = p;
  // The priority's evidence in the order it was counted (its rules' hits, then the ceilings counted for it); the three
  // strongest, ties in that order, kept by insertion instead of sorting the whole list.
  const best: Hit[] = [];
  for (const h of p.hitLists[PRIORITY]!) if (priorityRank[h.rule] === rank) keepStrongest(best, h);
  let ceilingListed = false;
  for (const h of p.countedCeilings) {
    if (ceilingRank[h.rule] !== rank) continue;
    keepStrongest(best, h);
    if (ceiling && rules.ceilings[h.rule]!.id === rules.ceilings[ceiling.rule]!.id) ceilingListed = true;
  }
  const label = p.priorityLabel[rank];
  for (const h of best) {
    let rule: string;
    let note: string;
    if (h.match.group === 'ceiling') {
      const r = rules.ceilings[h.rule]!;
      rule = `ceiling:${r.max}/${r.id}`;
      note = r.note ?? r.id;
    } else {
      const r = rules.priorities[h.rule]!;
      rule = `priority:${r.priority}/${r.id}`;
      note = r.note ?? r.id;
    }
    reasons.push({
      rule,
      kind: 'priority',
      detail: `${note} → ${label}.`,
      evidence: [quote(tokenized, h.match.positions, masked)],
      confidence,
    });
  }
  if (ceiling && ceilingRank[ceiling.rule] === rank && !ceilingListed) {
    const r = rules.ceilings[ceiling.rule]!;
    reasons.push({
      rule: `ceiling:${r.max}/${r.id}`,
      kind: 'priority',
      detail: `${r.note ?? r.id}: at most ${p.priorityIds[rank]}.`,
      evidence: [quote(tokenized, ceiling.match.positions, masked)],
      confidence,
    });
  }
}

/** The ticket's own words from the first to the last matched one, masked words replaced. */
function quote(t: Words, positions: number[], masked: ReadonlySet<number> | null): string {
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  // Usually nothing is masked and the words are one space apart: the quote is then the text itself.
  if (masked === null && spacedBySingleSpaces(t, first, last)) return t.text.slice(t.start[first]!, t.end[last]!);
  let out = '';
  for (let i = first; i <= last; i++) {
    if (i > first) out += ' ';
    out += masked?.has(i) ? '***' : t.text.slice(t.start[i]!, t.end[i]!);
  }
  return out;
}

function spacedBySingleSpaces(t: Words, first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (t.start[i + 1] !== t.end[i]! + 1 || t.text.charCodeAt(t.end[i]!) !== 32) return false;
  return true;
}
