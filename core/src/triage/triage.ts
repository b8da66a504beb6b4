import type { Reason } from '../evaluation/evaluation-schema.js';
import type { LocalizedText, Policy } from '../policy/policy-schema.js';
import { compileTriage, type CompiledTriage } from './compile-triage.js';
import { detectInformation } from './detect-information.js';
import { findMatches, type Match } from './find-matches.js';
import { scanWords, type Words } from './normalize-text.js';
import { readDeclaredPriority } from './read-declared-priority.js';
import type { TriageResult } from './triage-result-schema.js';

export type { TriageResult } from './triage-result-schema.js';
export type TriageTicket = { subject: string; body: string };

const MISMATCH_FLAG = 'priority-mismatch';

type Hit = { rule: number; match: Match; strength: number };

/**
 * The target (category or tier) with the most evidence; ties go to the one the policy lists first.
 * Its hits come strongest first, so the first one names the deciding rule.
 */
function topTarget(hits: Hit[], targetOf: (h: Hit) => string, order: readonly string[]): { id: string; score: number; hits: Hit[] } | undefined {
  const scores = new Map<string, { score: number; hits: Hit[] }>();
  for (const h of hits) {
    const id = targetOf(h);
    const s = scores.get(id) ?? { score: 0, hits: [] };
    s.score += h.strength;
    s.hits.push(h);
    scores.set(id, s);
  }
  const top = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || order.indexOf(a[0]) - order.indexOf(b[0]))[0];
  if (!top) return undefined;
  return { id: top[0], score: top[1].score, hits: top[1].hits.sort((a, b) => b.strength - a.strength) };
}

/** The rule groups a triage decides on, by index; `with:<group>` matches are filed at index + WITH, then unless and detector. */
const GROUP_INDEX: Readonly<Record<string, number>> = {
  priority: 0,
  ceiling: 1,
  exclusion: 2,
  tier: 3,
  category: 4,
  flag: 5,
  'with:priority': 6,
  'with:ceiling': 7,
  'with:exclusion': 8,
  'with:tier': 9,
  'with:category': 10,
  'with:flag': 11,
  unless: 12,
  detector: 13,
};
const WITH = 6;
const UNLESS = 12;
const DETECTOR = 13;

type RuleLike = { negation: 'skip' | 'only' | 'any'; weight: number; with: string[] };

/** Per compiled policy: the rule lists by group index and stamped scratch tables, so a triage walks its matches once. */
type Prep = {
  /** Stamp of the current ticket (never 0, the tables' initial value). */
  stamp: number;
  lists: readonly (readonly RuleLike[])[];
  /** Per group index WITH..DETECTOR: stamp of the ticket in which (group, rule) matched. */
  seen: Int32Array[];
  /** Per decided group: stamp and slot in the group's hit list of each rule's best hit. */
  bestStamp: Int32Array[];
  bestAt: Int32Array[];
  /** Rule number of the `flag` group → echo. */
  echo: Uint8Array;
  /** For requirement id: per detector of its first rule, the `detector` group rule numbers of its patterns. */
  detectorRules: Map<string, number[][]>;
  requirementRule: Map<string, CompiledTriage['rules']['requiredInformation'][number]>;
};

const preps = new WeakMap<CompiledTriage, Prep>();
/** Group index of each match of the current ticket (reused: triage is synchronous). */
let groupScratch = new Int8Array(256);

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
  const { rules } = c;
  const lists: (readonly RuleLike[])[] = [rules.priorities, rules.ceilings, rules.exclusions, rules.tiers, rules.categories, rules.flags];
  const seen: Int32Array[] = [];
  for (let g = 0; g < WITH; g++) seen.push(new Int32Array(0));
  for (let g = 0; g < WITH; g++) seen.push(new Int32Array(lists[g]!.length));
  seen.push(new Int32Array(rules.exclusions.length)); // unless
  seen.push(new Int32Array(c.detectorPatterns.length)); // detector
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
  const prep: Prep = {
    lists,
    stamp: 0,
    seen,
    bestStamp: lists.map((l) => new Int32Array(l.length)),
    bestAt: lists.map((l) => new Int32Array(l.length)),
    echo: Uint8Array.from(rules.flags, (f) => (f.echo ? 1 : 0)),
    detectorRules,
    requirementRule,
  };
  preps.set(c, prep);
  return prep;
}

const text = (t: LocalizedText | undefined, locale: string): string => (t ? ((t as Record<string, string | undefined>)[locale] ?? t.es) : '');
const clamp = (x: number) => Math.round(Math.min(0.97, Math.max(0.05, x)) * 100) / 100;

/** Decides a ticket's priority, exclusion, tier, category and text-only intake checks, each with its reasons. */
export function triage(policy: Policy, ticket: TriageTicket): TriageResult {
  const c = compileTriage(policy);
  const { rules } = c;
  const subject = ticket.subject ?? '';
  const body = ticket.body ?? '';
  const tokenized = scanWords(`${subject}\n${body}`);
  const matches = findMatches(c, tokenized);
  const masked = maskedPositions(c, matches);
  const evidence = (m: Match) => quote(tokenized, m.positions, masked);
  const locale = policy.locale;
  const reasons: Reason[] = [];
  const flags = new Set<string>();

  // One walk over the matches: which (with-group, rule), unless and detector matched, then each group's best hit per rule,
  // in the order of each rule's first usable match.
  const prep = prepOf(c);
  const stamp = nextStamp(prep);
  const { seen, lists, bestStamp, bestAt } = prep;
  const afterContrast = rules.decision.afterContrast;
  if (groupScratch.length < matches.length) groupScratch = new Int8Array(matches.length * 2);
  const groupOf = groupScratch;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const g = GROUP_INDEX[m.group]!;
    groupOf[i] = g;
    if (g >= WITH) seen[g]![m.rule] = stamp;
  }
  const hitLists: Hit[][] = [[], [], [], [], [], []];
  for (let i = 0; i < matches.length; i++) {
    const g = groupOf[i]!;
    if (g >= WITH) continue;
    const m = matches[i]!;
    const rule = m.rule;
    const r = lists[g]![rule]!;
    if (r.with.length > 0 && seen[g + WITH]![rule] !== stamp) continue;
    if (r.negation === 'only' ? !m.negated : r.negation === 'skip' && m.negated) continue;
    const s = r.weight * (tokenized.afterContrast[m.clause] === 1 ? afterContrast : 1);
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
    const top = topTarget(hitLists[4]!, (h) => rules.categories[h.rule]!.category, policy.categories.map((x) => x.id));
    if (top) {
      category = top.id;
      const r = rules.categories[top.hits[0]!.rule]!;
      const label = text(policy.categories.find((x) => x.id === category)?.label, locale);
      reasons.push({ rule: `category:${category}/${r.id}`, kind: 'category', detail: `Routed to ${label}: ${r.note ?? r.id}.`, evidence: top.hits.map((x) => evidence(x.match)), confidence: clamp(0.5 + 0.1 * top.score) });
    } else if (rules.defaultCategory) {
      category = rules.defaultCategory;
      const label = text(policy.categories.find((x) => x.id === category)?.label, locale);
      reasons.push({ rule: 'category:default', kind: 'category', detail: `No routing words found: routed to ${label}, the default channel.`, evidence: [], confidence: 0.4 });
    }
  }

  // Exclusions: the first matching rule (by weight, then order) whose `unless` does not match.
  let exclusion: TriageResult['exclusion'] = null;
  const unlessSeen = seen[UNLESS]!;
  const unlessHit = { has: (rule: number) => unlessSeen[rule] === stamp };
  const exclusionHits = hitLists[2]!.sort((a, b) => b.strength - a.strength || a.rule - b.rule);
  const blocked = exclusionHits.filter((h) => unlessHit.has(h.rule));
  const exHit = exclusionHits.find((h) => !unlessHit.has(h.rule));
  if (exHit) {
    const r = rules.exclusions[exHit.rule]!;
    const ex = policy.exclusions.find((e) => e.id === r.exclusion)!;
    exclusion = { id: ex.id, description: text(ex.description, locale) };
    ex.flags.forEach((f) => flags.add(f));
    reasons.push({ rule: `exclusion:${ex.id}/${r.id}`, kind: 'exclusion', detail: `Excluded from the targets (${ex.id}): ${text(ex.description, locale)}${r.note ? ` — ${r.note}` : ''}`, evidence: [evidence(exHit.match)], confidence: clamp(0.55 + 0.1 * exHit.strength) });
  } else if (blocked.length > 0) {
    const r = rules.exclusions[blocked[0]!.rule]!;
    reasons.push({ rule: `exclusion:${r.exclusion}/${r.id}/not-applied`, kind: 'exclusion', detail: `Mentions ${r.exclusion}, but not excluded: the text matches an exception of the rule (${r.note ?? r.id}).`, evidence: [evidence(blocked[0]!.match)], confidence: 0.6 });
  }

  // Priority.
  const declared = policy.priorities.length > 0 ? readDeclaredPriority(c, subject) : null;
  const priority = decidePriority(tokenized, c, hitLists[0]!, hitLists[1]!, declared?.priority ?? null, evidence, reasons, flags);

  // Tier.
  let tier: string | null = null;
  if (policy.tiers.length > 0) {
    const top = topTarget(hitLists[3]!, (h) => rules.tiers[h.rule]!.tier, policy.tiers.map((x) => x.id));
    if (top) {
      tier = top.id;
      const label = text(policy.tiers.find((x) => x.id === tier)?.label, locale);
      const sorted = top.hits;
      const tierFlags = [...new Set(sorted.flatMap((h) => rules.tiers[h.rule]!.flags))];
      tierFlags.forEach((f) => flags.add(f));
      const why = sorted.map((h) => rules.tiers[h.rule]!.note ?? rules.tiers[h.rule]!.id).join('; ');
      reasons.push({
        rule: `tier:${tier}/${rules.tiers[sorted[0]!.rule]!.id}`,
        kind: 'tier',
        detail: `${label}: ${why}.${tierFlags.length ? ` Flags: ${tierFlags.join(', ')}.` : ''}`,
        evidence: sorted.map((h) => evidence(h.match)),
        confidence: clamp(0.5 + 0.1 * top.score),
      });
    } else if (rules.defaultTier) {
      tier = rules.defaultTier;
      const label = text(policy.tiers.find((x) => x.id === tier)?.label, locale);
      reasons.push({ rule: 'tier:default', kind: 'tier', detail: `No administrative or tier words found: first classification is ${label}.`, evidence: [], confidence: 0.45 });
    }
  }

  // Flag rules (hints such as external causes, offensive language).
  const flagHits = hitLists[5]!;
  for (const h of flagHits.sort((a, b) => a.rule - b.rule)) {
    const r = rules.flags[h.rule]!;
    if (r.categories.length > 0 && (!category || !r.categories.includes(category))) continue;
    if (flags.has(r.flag) && reasons.some((x) => x.rule.startsWith(`intake:${r.flag}/`))) continue;
    flags.add(r.flag);
    const hint = r.hint ? text(policy.intake.hints.find((x) => x.id === r.hint)?.text, locale) : '';
    const count = flagHits.filter((x) => rules.flags[x.rule]!.flag === r.flag).length;
    reasons.push({
      rule: `intake:${r.flag}/${r.id}`,
      kind: 'intake',
      detail: r.echo ? `${r.note ?? r.id}.${hint ? ` Policy: "${hint}"` : ''}` : `${r.note ?? r.id} (${count} expression${count === 1 ? '' : 's'}; the words are not repeated here).${hint ? ` Policy: "${hint}"` : ''}`,
      evidence: r.echo ? [evidence(h.match)] : [],
      confidence: clamp(0.55 + 0.1 * h.strength),
    });
  }

  // Required information.
  const missingInformation: string[] = [];
  const detectorSeen = seen[DETECTOR]!;
  const bodyStart = subject.length + 1;
  let bodyWords = -1;
  const countBodyWords = () => {
    if (bodyWords < 0) {
      // Words start in ascending order: count those from the first one in the body.
      let lo = 0;
      let hi = tokenized.n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (tokenized.start[mid]! < bodyStart) lo = mid + 1;
        else hi = mid;
      }
      bodyWords = tokenized.n - lo;
    }
    return bodyWords;
  };
  for (const req of policy.intake.requiredInformation) {
    if (req.categories.length > 0 && (!category || !req.categories.includes(category))) continue;
    const rule = prep.requirementRule.get(req.id);
    if (!rule) continue;
    const patternRules = prep.detectorRules.get(req.id)!;
    let found = false;
    for (let j = 0; j < rule.anyOf.length && !found; j++) {
      const d = rule.anyOf[j]!;
      if (d.kind === 'patterns') {
        for (const k of patternRules[j]!) if (detectorSeen[k] === stamp) found = true;
      } else found = detectInformation(d, subject, body, d.kind === 'words' ? countBodyWords() : 0);
    }
    if (!found) missingInformation.push(req.id);
  }
  if (missingInformation.length > 0) {
    flags.add(rules.missingInformationFlag);
    const labels = missingInformation.map((id) => text(policy.intake.requiredInformation.find((r) => r.id === id)?.label, locale));
    reasons.push({ rule: `intake:${rules.missingInformationFlag}`, kind: 'intake', detail: `The request does not give: ${labels.join(', ')}. Ask the customer for it.`, evidence: [], confidence: 0.7 });
  }

  return { priority, declaredPriority: declared?.priority ?? null, tier, category, exclusion, flags: [...flags], reasons, missingInformation };
}

const HYPOTHETICAL_WINDOW = 3;

/** A hypothetical word ("sería", "would", "tendríamos") up to HYPOTHETICAL_WINDOW words before the match, in its clause. */
function hypothetical(c: CompiledTriage, t: Words, m: Match): boolean {
  if (c.hypotheticals.size === 0) return false;
  const p = m.positions[0]!;
  for (let q = p - 1; q >= 0 && q >= p - HYPOTHETICAL_WINDOW && t.clause[q] === m.clause; q--) if (c.hypotheticals.has(t.norm[q]!)) return true;
  return false;
}

function decidePriority(
  tokenized: Words,
  c: CompiledTriage,
  hits: Hit[],
  ceilingHits: Hit[],
  declared: string | null,
  evidence: (m: Match) => string,
  reasons: Reason[],
  flags: Set<string>,
): string | null {
  const { policy, rules } = c;
  if (policy.priorities.length === 0) return null;
  const order: string[] = policy.priorities.map((p) => p.id); // most severe first
  const rank = (id: string) => order.indexOf(id);
  const label = (id: string) => `${id} (${text(policy.priorities.find((p) => p.id === id)?.definition, 'en')})`;
  const scores = new Map<string, { score: number; hits: { note: string; id: string; hit: Hit }[] }>(order.map((id) => [id, { score: 0, hits: [] }]));
  for (const h of hits) {
    const r = rules.priorities[h.rule]!;
    const s = scores.get(r.priority)!;
    s.score += h.strength;
    s.hits.push({ note: r.note ?? r.id, id: `priority:${r.priority}/${r.id}`, hit: h });
  }
  // A ceiling ("there is a workaround", "the rest keeps working") caps the more severe priorities and, unless `evidence: false`,
  // is evidence for its own; not when more severe evidence comes in a later clause after a contrast ("funcionaba, pero ahora
  // no factura"), nor when the workaround is only hypothetical ("sería una alternativa").
  let ceiling: { max: string; hit: Hit; id: string; note: string } | null = null;
  for (const h of ceilingHits) {
    const r = rules.ceilings[h.rule]!;
    const overridden = hits.some((x) => rank(rules.priorities[x.rule]!.priority) < rank(r.max) && x.match.clause > h.match.clause && x.strength > rules.priorities[x.rule]!.weight);
    if (overridden || hypothetical(c, tokenized, h.match)) continue;
    if (r.evidence) {
      const s = scores.get(r.max)!;
      s.score += h.strength;
      s.hits.push({ note: r.note ?? r.id, id: `ceiling:${r.max}/${r.id}`, hit: h });
    }
    if (!ceiling || rank(r.max) > rank(ceiling.max)) ceiling = { max: r.max, hit: h, id: `ceiling:${r.max}/${r.id}`, note: r.note ?? r.id };
  }
  if (ceiling) for (const id of order) if (rank(id) < rank(ceiling.max)) scores.get(id)!.score = 0;

  const ranked = [...scores.entries()].filter(([, s]) => s.score > 0).sort((a, b) => b[1].score - a[1].score || rank(a[0]) - rank(b[0]));
  const top = ranked[0];
  const second = ranked[1]?.[1].score ?? 0;
  const textConfidence = top ? clamp(0.45 + 0.07 * top[1].score + 0.08 * (top[1].score - second)) : 0;
  const pushTextReasons = (id: string, confidence: number) => {
    const s = scores.get(id)!;
    for (const x of s.hits.sort((a, b) => b.hit.strength - a.hit.strength).slice(0, 3)) {
      reasons.push({ rule: x.id, kind: 'priority', detail: `${x.note} → ${label(id)}.`, evidence: [evidence(x.hit.match)], confidence });
    }
    if (ceiling && ceiling.max === id && !s.hits.some((x) => x.id === ceiling!.id)) {
      reasons.push({ rule: ceiling.id, kind: 'priority', detail: `${ceiling.note}: at most ${id}.`, evidence: [evidence(ceiling.hit.match)], confidence });
    }
  };

  if (declared) {
    if (!top) {
      reasons.push({ rule: 'declared-priority/kept', kind: 'declared-priority', detail: `The customer declared "${declared}" in the subject and the text gives no clear evidence against it.`, evidence: [], confidence: 0.6 });
      return declared;
    }
    if (top[0] === declared) {
      reasons.push({ rule: 'declared-priority/confirmed', kind: 'declared-priority', detail: `The customer declared "${declared}" in the subject and the text agrees.`, evidence: [], confidence: Math.max(0.8, textConfidence) });
      pushTextReasons(declared, Math.max(0.8, textConfidence));
      return declared;
    }
    const sTop = top[1].score;
    const sDeclared = scores.get(declared)!.score;
    const capped = ceiling !== null && rank(declared) < rank(ceiling.max);
    if (capped || (sTop >= rules.decision.clearScore && sTop - sDeclared >= rules.decision.clearMargin)) {
      flags.add(MISMATCH_FLAG);
      reasons.push({
        rule: `declared-priority/mismatch`,
        kind: 'declared-priority',
        detail: `The customer declared "${declared}", but the text matches ${label(top[0])}: using ${top[0]}.`,
        evidence: [],
        confidence: textConfidence,
      });
      pushTextReasons(top[0], textConfidence);
      return top[0];
    }
    reasons.push({ rule: 'declared-priority/kept', kind: 'declared-priority', detail: `The customer declared "${declared}"; the text leans to ${top[0]} but not clearly enough to change it.`, evidence: [], confidence: 0.55 });
    return declared;
  }
  if (top) {
    pushTextReasons(top[0], textConfidence);
    return top[0];
  }
  const fallback = policy.defaultPriority;
  if (fallback) reasons.push({ rule: 'default-priority', kind: 'default', detail: `Nothing in the text matches a priority's definition: the policy's default, ${fallback}.`, evidence: [], confidence: 0.35 });
  return fallback;
}

/** Positions of words a non-echo rule matched (offensive words): never shown in any reason. */
function maskedPositions(c: CompiledTriage, matches: Match[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (const m of matches) if (m.group === 'flag' && !c.rules.flags[m.rule]!.echo) m.positions.forEach((p) => out.add(p));
  return out;
}

/** The ticket's own words from the first to the last matched one, masked words replaced. */
function quote(t: Words, positions: number[], masked: ReadonlySet<number>): string {
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  let out = '';
  for (let i = first; i <= last; i++) {
    if (i > first) out += ' ';
    out += masked.has(i) ? '***' : t.text.slice(t.start[i]!, t.end[i]!);
  }
  return out;
}
