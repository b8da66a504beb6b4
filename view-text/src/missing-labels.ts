import type { Policy, Reason } from '@plazo/core';
import type { Locale } from './locale';
import { localized } from './localized';

/** The policy's labels of the missing required information, in the user's language (ids for items the policy does not list). */
export function missingLabels(reason: Reason, policy: Policy | null, locale: Locale): string[] {
  return (reason.missing ?? []).map((id) => localized(policy?.intake.requiredInformation.find((r) => r.id === id)?.label, locale) ?? id);
}
