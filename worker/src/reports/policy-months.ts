import { type BusinessCalendar, policyCalendar } from '@plazo/core';
import { findInstallationPolicy } from '../policies/find-installation-policy.js';

/** Each policy's business calendar, looked up once per report; null for a policy without open hours or one no longer known. */
export function policyCalendars(db: D1Database, installationKey: string) {
  const found = new Map<string, Promise<BusinessCalendar | null>>();
  return (policyId: string | null): Promise<BusinessCalendar | null> => {
    if (policyId === null) return Promise.resolve(null);
    let calendar = found.get(policyId);
    if (!calendar) {
      calendar = findInstallationPolicy(db, installationKey, policyId).then((p) => {
        const compiled = p.ok ? policyCalendar(p.value) : null;
        return compiled?.ok ? compiled.value : null;
      });
      found.set(policyId, calendar);
    }
    return calendar;
  };
}

/** The calendar month of an instant in the policy's zone ("2026-03"); UTC without a calendar. */
export function monthOf(calendar: BusinessCalendar | null, ms: number): string {
  return (calendar ? calendar.toIso(ms) : new Date(ms).toISOString()).slice(0, 7);
}
