import type { Evaluation, Policy } from '@plazo/core';

/** Marks Plazo's internal notes, so a person reading the ticket knows who wrote it. */
export const NOTE_PREFIX = 'Plazo';

const words = {
  es: { priority: 'prioridad', why: 'Por qué', policy: 'Política' },
  en: { priority: 'priority', why: 'Why', policy: 'Policy' },
  pt: { priority: 'prioridade', why: 'Por quê', policy: 'Política' },
} as const;

/** The internal note Plazo adds when it first decides a ticket's priority or changes it: the priority and the reasons, in the policy's language. */
export function renderZendeskNote(evaluation: Evaluation, policy: Policy): string {
  const locale = policy.locale;
  const w = words[locale];
  const priority = policy.priorities.find((p) => p.id === evaluation.priority);
  const label = priority ? priority.labels[locale] : (evaluation.priority ?? '—');
  const lines = [`${NOTE_PREFIX}: ${w.priority} ${label} (${policy.name}).`, '', `${w.why}:`];
  for (const reason of evaluation.reasons) {
    const evidence = reason.evidence.length > 0 ? ` «${reason.evidence.join('», «')}»` : '';
    lines.push(`- ${reason.detail}${evidence}`);
  }
  return lines.join('\n');
}
