import type { Evaluation, Policy, SlaState, TargetStatus } from '@plazo/core';

/** Marks Plazo's comment, so a person reading the issue knows who wrote it. */
export const COMMENT_PREFIX = 'Plazo';

const words = {
  es: {
    priority: 'prioridad',
    why: 'Por qué',
    firstResponse: 'Primera respuesta',
    resolution: 'Resolución',
    due: 'vence',
    excluded: 'fuera de la política',
  },
  en: {
    priority: 'priority',
    why: 'Why',
    firstResponse: 'First response',
    resolution: 'Resolution',
    due: 'due',
    excluded: 'outside the policy',
  },
  pt: {
    priority: 'prioridade',
    why: 'Por quê',
    firstResponse: 'Primeira resposta',
    resolution: 'Resolução',
    due: 'vence',
    excluded: 'fora da política',
  },
} as const;

const stateWords: Record<keyof typeof words, Record<SlaState, string>> = {
  es: { running: 'en curso', paused: 'en pausa', met: 'cumplido', 'at-risk': 'en riesgo', breached: 'incumplido' },
  en: { running: 'running', paused: 'paused', met: 'met', 'at-risk': 'at risk', breached: 'breached' },
  pt: { running: 'em curso', paused: 'em pausa', met: 'cumprido', 'at-risk': 'em risco', breached: 'violado' },
};

/** An ADF document: what Jira's v3 REST takes as a comment body. */
export type AdfDocument = { type: 'doc'; version: 1; content: Record<string, unknown>[] };

/** The comment's lines: the priority, each target's due instant and state, the reasons; the same text as its ADF. */
export function jiraCommentLines(
  evaluation: Evaluation,
  policy: Policy,
): { heading: string; targets: string[]; why: string; reasons: string[]; agent: string[] } {
  const locale = policy.locale;
  const w = words[locale];
  const priority = policy.priorities.find((p) => p.id === evaluation.priority);
  const label = priority ? priority.labels[locale] : (evaluation.priority ?? '—');
  const heading = evaluation.excluded
    ? `${COMMENT_PREFIX}: ${w.excluded} (${policy.name}).`
    : `${COMMENT_PREFIX}: ${w.priority} ${label} (${policy.name}).`;
  const target = (name: string, status: TargetStatus | null) =>
    status ? `${name}: ${stateWords[locale][status.state]}, ${w.due} ${status.dueAt}` : null;
  const targets = [target(w.firstResponse, evaluation.sla.firstResponse), target(w.resolution, evaluation.sla.resolution)].filter(
    (t): t is string => t !== null,
  );
  const reasons = evaluation.reasons.map((r) => `${r.detail}${r.evidence.length > 0 ? ` «${r.evidence.join('», «')}»` : ''}`);
  // What the policy asks the agent to see (routing, tier, hints), in the policy's language.
  const agent = (evaluation.messages ?? []).filter((m) => m.audience === 'agent').map((m) => m.text);
  return { heading, targets, why: `${w.why}:`, reasons, agent };
}

/** The comment as plain text (what Plazo compares to decide whether the comment needs an update). */
export function renderJiraCommentText(evaluation: Evaluation, policy: Policy): string {
  const l = jiraCommentLines(evaluation, policy);
  return [l.heading, ...l.targets, l.why, ...l.reasons.map((r) => `- ${r}`), ...l.agent].join('\n');
}

/** The same comment as an ADF document. */
export function renderJiraCommentAdf(evaluation: Evaluation, policy: Policy): AdfDocument {
  const l = jiraCommentLines(evaluation, policy);
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const content: Record<string, unknown>[] = [paragraph(l.heading), ...l.targets.map(paragraph)];
  if (l.reasons.length > 0)
    content.push(paragraph(l.why), {
      type: 'bulletList',
      content: l.reasons.map((r) => ({ type: 'listItem', content: [paragraph(r)] })),
    });
  content.push(...l.agent.map(paragraph));
  return { type: 'doc', version: 1, content };
}

/** Texts as an ADF document of one paragraph each. */
export function adfParagraphs(texts: readonly string[]): AdfDocument {
  return { type: 'doc', version: 1, content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}
