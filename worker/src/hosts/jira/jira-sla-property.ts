import { type Evaluation, overallSlaState, type SlaState, type TargetStatus } from '@plazo/core';

/** The issue property JQL searches (jira:entityProperty in the Forge manifest indexes it). */
export const SLA_PROPERTY_KEY = 'plazo-sla';

type PropertyState = 'ok' | 'at-risk' | 'breached' | 'met' | 'paused';
export type JiraSlaProperty = {
  priority: string | null;
  policy: string;
  state: PropertyState;
  firstResponse: { state: PropertyState | null; due: string | null };
  resolution: { state: PropertyState | null; due: string | null };
  flags: string[];
  evaluatedAt: string;
};

const stateOf = (s: SlaState): PropertyState => (s === 'running' ? 'ok' : s);
const target = (t: TargetStatus | null) => ({ state: t ? stateOf(t.state) : null, due: t?.dueAt ?? null });

/** The property's value: the SLA data with instants as the policy's zone shows them (offsets included). */
export function jiraSlaProperty(evaluation: Evaluation): JiraSlaProperty {
  const overall = overallSlaState(evaluation);
  return {
    priority: evaluation.excluded ? null : evaluation.priority,
    policy: evaluation.policy,
    state: overall === 'excluded' || overall === 'none' ? 'ok' : stateOf(overall),
    firstResponse: target(evaluation.sla.firstResponse),
    resolution: target(evaluation.sla.resolution),
    flags: evaluation.flags,
    evaluatedAt: evaluation.evaluatedAt,
  };
}

/** What decides whether the property needs writing: everything but the instant it was evaluated at. */
export function comparableProperty(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { evaluatedAt: _ignored, ...rest } = value as Record<string, unknown>;
  return JSON.stringify(rest);
}
