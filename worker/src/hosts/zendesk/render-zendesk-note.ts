import type { Evaluation, Policy } from '@plazo/core';

/** Marks Plazo's internal notes, so a person reading the ticket knows who wrote it. */
export const NOTE_PREFIX = 'Plazo';

const words = {
  es: { priority: 'prioridad', why: 'Por qué', policy: 'Política', agent: 'Para el agente' },
  en: { priority: 'priority', why: 'Why', policy: 'Policy', agent: 'For the agent' },
  pt: { priority: 'prioridade', why: 'Por quê', policy: 'Política', agent: 'Para o agente' },
} as const;

/** The internal note Plazo adds when it first decides a ticket's priority or changes it: the priority and the reasons, in the policy's language. */
export function renderZendeskNote(evaluation: Evaluation, policy: Policy): string {
  const locale = policy.locale;
  const w = words[locale];
  const priority = policy.priorities.find((p) => p.id === evaluation.priority);
  const label = priority ? priority.labels[locale] : (evaluation.priority ?? '—');
  // A policy without priorities (Skedu) has none to announce: the note is about routing and hints then.
  const title =
    evaluation.priority === null ? `${NOTE_PREFIX} (${policy.name}).` : `${NOTE_PREFIX}: ${w.priority} ${label} (${policy.name}).`;
  const lines = [title, '', `${w.why}:`];
  for (const reason of evaluation.reasons) {
    const evidence = reason.evidence.length > 0 ? ` «${reason.evidence.join('», «')}»` : '';
    lines.push(`- ${reason.detail}${evidence}`);
  }
  // Routing channel, tier and hints, as the core wrote them in the policy's language.
  const agent = (evaluation.messages ?? []).filter((m) => m.audience === 'agent');
  if (agent.length > 0) lines.push('', `${w.agent}:`, ...agent.map((m) => `- ${m.text}`));
  return lines.join('\n');
}
