import type { Policy, TicketMessage } from '@plazo/core';
import { type Locale, localized } from '@plazo/view-text';
import type { Messages } from './messages.js';

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
