import { type Evaluation, overallSlaState } from '@plazo/core';
import type { PlanInput } from '../host-adapter.js';
import { renderZendeskNote } from './render-zendesk-note.js';
import { shownZendeskState, type ZendeskState } from './zendesk-facts.js';
import type { ZendeskPriority } from './zendesk-payloads.js';
import { zendeskPriorityMap } from './zendesk-priority-map.js';
import type { ZendeskSettings } from './zendesk-settings.js';

/** One change on Zendesk; a session sends them together in one safe update, tags as a delta over the ticket's tags then. */
export type ZendeskChange =
  | { kind: 'set-priority'; priority: ZendeskPriority }
  | { kind: 'add-tags'; tags: string[] }
  | { kind: 'remove-tags'; tags: string[] }
  | { kind: 'set-field'; fieldId: number; value: string | null }
  | { kind: 'add-note'; body: string; priority: string | null; agent?: string | null }
  /** A public comment telling the requester the policy's customer messages (`codes`), each once. */
  | { kind: 'public-reply'; codes: string[]; body: string };

export const TAG_PREFIX = 'plazo_';
export const AT_RISK_TAG = 'plazo_at_risk';
export const BREACHED_TAG = 'plazo_breached';
export const EXCLUDED_TAG = 'plazo_excluded';

/** Zendesk tags are lower-case words without spaces. */
export const priorityTag = (priorityId: string) => `${TAG_PREFIX}priority_${priorityId.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`;

/** The tags Plazo manages on a ticket: its priority's, and one for the SLA state that needs attention. */
function wantedTags(evaluation: Evaluation): string[] {
  if (evaluation.excluded) return [EXCLUDED_TAG];
  const tags = evaluation.priority ? [priorityTag(evaluation.priority)] : [];
  const state = overallSlaState(evaluation);
  if (state === 'breached') tags.push(BREACHED_TAG);
  if (state === 'at-risk') tags.push(AT_RISK_TAG);
  return tags;
}

/** A target's due instant in UTC; a paused target's due instant moves with the clock, so its field is left as it is. */
function dueValue(evaluation: Evaluation, target: 'firstResponse' | 'resolution'): string | null | undefined {
  if (evaluation.excluded) return null;
  const status = evaluation.sla[target];
  if (!status) return null;
  if (status.state === 'paused') return undefined;
  return new Date(status.dueAt).toISOString();
}

/**
 * The diff between what the ticket shows and what it should: the Zendesk priority, Plazo's tags, the due-instant fields,
 * and one internal note when the decided priority is new or changed. A ticket that shows everything gets no change.
 */
export function planZendeskChanges({
  evaluation,
  policy,
  settings,
  state: stored,
  say = [],
}: PlanInput<ZendeskSettings, ZendeskState>): ZendeskChange[] {
  // Dry runs diff against the ticket as their earlier changes would have left it.
  const state = shownZendeskState(stored);
  const changes: ZendeskChange[] = [];
  const priority = !evaluation.excluded && evaluation.priority ? zendeskPriorityMap(policy, settings).get(evaluation.priority) : undefined;
  if (priority && state.priority !== priority) changes.push({ kind: 'set-priority', priority });

  const wanted = wantedTags(evaluation);
  const shown = new Set(state.tags);
  const add = wanted.filter((t) => !shown.has(t));
  const remove = state.tags.filter((t) => t.startsWith(TAG_PREFIX) && !wanted.includes(t));
  if (add.length > 0) changes.push({ kind: 'add-tags', tags: add });
  if (remove.length > 0) changes.push({ kind: 'remove-tags', tags: remove });

  for (const [target, fieldId] of [
    ['firstResponse', settings.fields?.firstResponseDue],
    ['resolution', settings.fields?.resolutionDue],
  ] as const) {
    if (fieldId === undefined) continue;
    const value = dueValue(evaluation, target);
    const current = Object.hasOwn(state.fields, String(fieldId)) ? state.fields[String(fieldId)] : undefined;
    if (value !== undefined && (current ?? null) !== value) changes.push({ kind: 'set-field', fieldId, value });
  }

  const agent = agentNoteKey(evaluation);
  const newPriority = !evaluation.excluded && evaluation.priority !== null && state.notedPriority !== evaluation.priority;
  if (newPriority || (agent !== null && state.notedAgent !== agent))
    changes.push({
      kind: 'add-note',
      body: renderZendeskNote(evaluation, policy),
      priority: evaluation.priority,
      ...(agent ? { agent } : {}),
    });
  // Last, so a failure before it retries without having spoken to the requester.
  if (say.length > 0) changes.push({ kind: 'public-reply', codes: say.map((m) => m.code), body: say.map((m) => m.text).join('\n\n') });
  return changes;
}

/** What the agent messages say, as one comparable key; null when there are none. */
function agentNoteKey(evaluation: Evaluation): string | null {
  const agent = (evaluation.messages ?? []).filter((m) => m.audience === 'agent');
  return agent.length === 0 ? null : JSON.stringify(agent.map((m) => [m.code, m.params]));
}

/** The customer message codes a plan's public reply says. */
export const toldOnZendesk = (changes: readonly ZendeskChange[]): string[] =>
  changes.flatMap((c) => (c.kind === 'public-reply' ? c.codes : []));

/** Tags after a delta: the ticket's tags as Zendesk holds them now, less the removed, plus the added. */
export function applyTagDelta(tags: readonly string[], changes: readonly ZendeskChange[]): string[] {
  let next = [...tags];
  for (const c of changes) {
    if (c.kind === 'add-tags') next.push(...c.tags.filter((t) => !next.includes(t)));
    if (c.kind === 'remove-tags') next = next.filter((t) => !c.tags.includes(t));
  }
  return next;
}

/** The state the ticket shows once `changes` are applied on Zendesk. */
export function simulateZendeskChanges(state: ZendeskState, changes: readonly ZendeskChange[]): ZendeskState {
  const next: ZendeskState = { ...state, tags: applyTagDelta(state.tags, changes), fields: { ...state.fields } };
  for (const c of changes) {
    if (c.kind === 'set-priority') next.priority = c.priority;
    if (c.kind === 'set-field') next.fields[String(c.fieldId)] = c.value;
    if (c.kind === 'add-note') {
      next.notedPriority = c.priority ?? next.notedPriority;
      next.notedAgent = c.agent ?? next.notedAgent;
    }
  }
  return next;
}

/** What a dry run keeps: its priority and tag changes beside the ones Zendesk reported, and the fields and note it would have written. */
export function simulateZendeskDryRun(state: ZendeskState, changes: readonly ZendeskChange[]): ZendeskState {
  const after = simulateZendeskChanges(shownZendeskState(state), changes);
  const priority = after.priority !== null && after.priority !== state.priority ? { from: state.priority, to: after.priority } : null;
  const added = after.tags.filter((t) => !state.tags.includes(t));
  const removed = state.tags.filter((t) => !after.tags.includes(t));
  return { ...after, priority: state.priority, tags: state.tags, dryRunChanges: { priority, added, removed } };
}
