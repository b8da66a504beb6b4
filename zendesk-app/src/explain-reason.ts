import type { Evaluation, LocalizedText, Policy, Reason, TicketMessage } from '@plazo/core';
import type { Locale, Messages } from './messages.js';

// Core's reason `detail` is English; the agent reads each reason rebuilt from its structured parts and the policy's own text.

/** A policy's text in the agent's language, or its Spanish (always present). */
export function localized(text: LocalizedText | undefined, locale: Locale): string | null {
  return text ? (text[locale] ?? text.es) : null;
}

/** A flag's name in the agent's language; a flag the app does not know shows as its id. */
export function flagName(flag: string, t: Messages): string {
  return Object.hasOwn(t.flagNames, flag) ? t.flagNames[flag]! : flag;
}

function priorityLabel(policy: Policy | null, locale: Locale, id: string | null): string {
  if (id === null) return '—';
  return policy?.priorities.find((p) => p.id === id)?.labels[locale] ?? id;
}

/** The policy's labels of the missing required information, in the agent's language (ids for items the policy does not list). */
export function missingLabels(reason: Reason, policy: Policy | null, locale: Locale): string[] {
  return (reason.missing ?? []).map((id) => localized(policy?.intake.requiredInformation.find((r) => r.id === id)?.label, locale) ?? id);
}

/** One sentence for a reason, in the agent's language, from its kind, rule id and the policy. */
export function explainReason(reason: Reason, evaluation: Evaluation, policy: Policy | null, locale: Locale, t: Messages): string {
  const say = t.reason;
  const [head = '', ...rest] = reason.rule.split('/');
  const colon = head.indexOf(':');
  const family = colon < 0 ? head : head.slice(0, colon);
  const subject = colon < 0 ? '' : head.slice(colon + 1);
  const decided = priorityLabel(policy, locale, evaluation.priority);
  if (rest[0] === 'text-model') {
    if (reason.kind === 'priority') return say.textModel(priorityLabel(policy, locale, subject));
    if (reason.kind === 'tier') return say.textModel(localized(policy?.tiers.find((x) => x.id === subject)?.label, locale) ?? subject);
    if (reason.kind === 'exclusion')
      return say.textModel(localized(policy?.exclusions.find((e) => e.id === subject)?.description, locale) ?? subject);
  }
  switch (reason.kind) {
    case 'priority': {
      if (reason.rule === 'priority/stressed') return say.stressed(decided);
      if (family === 'ceiling') return say.ceiling(priorityLabel(policy, locale, subject));
      if (family === 'priority') {
        const definition = localized(policy?.priorities.find((p) => p.id === subject)?.definition, locale);
        return say.priority(priorityLabel(policy, locale, subject), definition);
      }
      break;
    }
    case 'declared-priority':
      if (rest[0] === 'confirmed') return say.declaredConfirmed(decided);
      if (rest[0] === 'kept') return say.declaredKept(decided);
      if (rest[0] === 'mismatch') return say.declaredMismatch(decided);
      break;
    case 'default':
      return say.defaultPriority(decided);
    case 'override':
      return say.override(decided);
    case 'exclusion': {
      const exclusion = policy?.exclusions.find((e) => e.id === subject);
      const what = localized(exclusion?.description, locale) ?? flagName(subject, t);
      if (rest.length === 0) return say.exclusionOverridden(what);
      return rest[1] === 'not-applied' ? say.exclusionNotApplied(what) : say.excluded(what);
    }
    case 'category': {
      const id = reason.rule === 'category:default' ? (evaluation.category ?? '') : subject;
      const label = localized(policy?.categories.find((c) => c.id === id)?.label, locale) ?? id;
      return reason.rule === 'category:default' ? say.categoryDefault(label) : say.category(label);
    }
    case 'tier': {
      const id = reason.rule === 'tier:default' ? (evaluation.tier ?? '') : subject;
      const label = localized(policy?.tiers.find((x) => x.id === id)?.label, locale) ?? id;
      return reason.rule === 'tier:default' ? say.tierDefault(label) : say.tier(label);
    }
    case 'intake': {
      if (reason.missing) return say.missing(missingLabels(reason, policy, locale).join(', '));
      if (reason.rule === 'intake:text-limit') return say.textLimit;
      if (reason.rule === 'intake:text-set-aside') return say.setAside;
      if (reason.rule === 'intake:language-not-understood') return say.language;
      if (reason.rule === 'intake:after-hours') return say.afterHours(localized(policy?.intake.afterHours?.message, locale));
      if (family === 'intake') {
        // A flag rule: `intake:<flag>/<rule id>`, quoting the policy's hint when the rule names one.
        const rule = policy?.triage?.flags.find((f) => f.id === rest[0] && f.flag === subject);
        const hint = localized(policy?.intake.hints.find((h) => h.id === rule?.hint)?.text, locale);
        return say.flagRule(flagName(subject, t), hint);
      }
      break;
    }
  }
  if (reason.kind === 'history') {
    const h = reason.history;
    if (reason.rule === 'history:possible-duplicate' && h?.ticketLabel)
      return say.duplicate(h.ticketLabel, (h.sharedWords ?? []).join(', '));
    if (reason.rule === 'history:early-follow-up' && h?.minutes !== undefined && h.cooldownMinutes !== undefined)
      return say.earlyFollowUp(h.minutes, h.cooldownMinutes);
    if (reason.rule === 'history:over-quota' && h?.count !== undefined && h.limit !== undefined && h.month)
      return say.overQuota(h.count, h.limit, h.month);
    if (reason.rule === 'history:quota-not-configured') return say.quotaNotConfigured;
  }
  // A reason this app does not know yet: core's own sentence beats saying nothing.
  return reason.detail;
}

/** The reason that explains a flag, if the evaluation has one. */
export function reasonForFlag(flag: string, evaluation: Evaluation, policy: Policy | null): Reason | undefined {
  const { reasons } = evaluation;
  const own = reasons.find((r) => r.rule === `intake:${flag}` || r.rule.startsWith(`intake:${flag}/`) || r.rule === `history:${flag}`);
  if (own) return own;
  if (policy?.intake.afterHours?.flag === flag) return reasons.find((r) => r.rule === 'intake:after-hours');
  if (flag === 'priority-mismatch') return reasons.find((r) => r.rule === 'declared-priority/mismatch');
  if (evaluation.exclusion && policy?.exclusions.some((e) => e.id === evaluation.exclusion?.id && e.flags.includes(flag)))
    return reasons.find((r) => r.kind === 'exclusion' && r.rule.startsWith(`exclusion:${evaluation.exclusion?.id}/`));
  if (policy?.triage?.tiers.some((r) => r.tier === evaluation.tier && r.flags.includes(flag)))
    return reasons.find((r) => r.kind === 'tier');
  return undefined;
}

/** An agent message in the agent's language from its code, its data and the policy; the core's text (the policy's language) otherwise. */
export function agentNote(message: TicketMessage, policy: Policy | null, locale: Locale, t: Messages): string {
  const param = (name: string) => (typeof message.params[name] === 'string' ? (message.params[name] as string) : null);
  if (message.code === 'category') {
    const category = policy?.categories.find((c) => c.id === param('category'));
    if (category)
      return t.forAgent.category(
        localized(category.label, locale) ?? category.id,
        category.contact ?? null,
        localized(category.description, locale),
      );
  }
  if (message.code === 'tier') {
    const tier = policy?.tiers.find((x) => x.id === param('tier'));
    if (tier) return t.forAgent.tier(localized(tier.label, locale) ?? tier.id, localized(tier.description, locale));
  }
  if (message.code.startsWith('hint:')) {
    const hint = policy?.intake.hints.find((h) => h.id === param('hint'));
    if (hint) return localized(hint.text, locale) ?? message.text;
  }
  return message.text;
}
