import type { Evaluation, Policy, Reason } from '@plazo/core';
import { flagName } from './flag-name';
import type { Locale } from './locale';
import { localized } from './localized';
import { missingLabels } from './missing-labels';
import type { ViewMessages } from './view-messages';

// Core's reason `detail` is English; the user reads each reason rebuilt from its structured parts and the policy's own text.

function priorityLabel(policy: Policy | null, locale: Locale, id: string | null): string {
  if (id === null) return '—';
  return policy?.priorities.find((p) => p.id === id)?.labels[locale] ?? id;
}

/** One sentence for a reason, in the user's language, from its kind, rule id and the policy. */
export function explainReason(reason: Reason, evaluation: Evaluation, policy: Policy | null, locale: Locale, t: ViewMessages): string {
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
  // A reason these apps do not know yet: core's own sentence beats saying nothing.
  return reason.detail;
}
