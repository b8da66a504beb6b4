import { type BusinessCalendar, policyCalendar } from '@plazo/core';
import type { Env } from '../env.js';
import { findInstallationPolicy } from '../policies/find-installation-policy.js';

/** What a report needs of a policy: its business calendar (null: none, or the policy is no longer known) and its priorities' order. */
export type ReportPolicy = { calendar: BusinessCalendar | null; priorities: readonly string[] };

const UNKNOWN: ReportPolicy = { calendar: null, priorities: [] };

/** Each policy a report meets, looked up once per report. */
export function reportPolicies(env: Pick<Env, 'DB' | 'ASSETS'>, installationKey: string) {
  const found = new Map<string, Promise<ReportPolicy>>();
  return (policyId: string | null): Promise<ReportPolicy> => {
    if (policyId === null) return Promise.resolve(UNKNOWN);
    let policy = found.get(policyId);
    if (!policy) {
      policy = findInstallationPolicy(env, installationKey, policyId).then((p) => {
        if (!p.ok) return UNKNOWN;
        const compiled = policyCalendar(p.value);
        return { calendar: compiled.ok ? compiled.value : null, priorities: p.value.priorities.map((x) => x.id) };
      });
      found.set(policyId, policy);
    }
    return policy;
  };
}

/** The calendar month of an instant in the policy's zone ("2026-03"); UTC without a calendar. */
export function monthOf(calendar: BusinessCalendar | null, ms: number): string {
  return (calendar ? calendar.toIso(ms) : new Date(ms).toISOString()).slice(0, 7);
}
