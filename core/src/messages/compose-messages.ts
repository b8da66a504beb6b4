import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { LocalizedText, Policy } from '../policy/policy-schema.js';
import type { Ticket } from '../ticket/ticket-schema.js';
import { formatLocalInstant } from './format-local-instant.js';
import type { TicketMessage } from './ticket-message-schema.js';

/** What the evaluation decided that messages speak about. */
export type MessageFacts = {
  priority: string | null;
  category: string | null;
  tier: string | null;
  flags: readonly string[];
  /** Ids of the policy's intake.requiredInformation the ticket does not give. */
  missing: readonly string[];
  /** The opening a request kept out of hours is handled from; null when it was not kept out of hours. */
  afterHoursOpeningMs: number | null;
};

type Locale = TicketMessage['locale'];

/** The words around policy data in agent messages; the data itself (labels, descriptions, contacts, hints) comes from the policy. */
const agentWords: Record<Locale, { category: string; channel: string; tier: string }> = {
  es: { category: 'Categoría', channel: 'canal', tier: 'Nivel de soporte' },
  pt: { category: 'Categoria', channel: 'canal', tier: 'Nível de suporte' },
  en: { category: 'Category', channel: 'channel', tier: 'Support tier' },
};

/** The policy's locale when the text has it, else Spanish (always present): a customer never gets English by accident. */
function pick(text: LocalizedText, locale: Locale): { locale: Locale; text: string } {
  const own = (text as Partial<Record<Locale, string>>)[locale];
  return own ? { locale, text: own } : { locale: 'es', text: text.es };
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{([^{}]*)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));

const lists = new Map<string, Intl.ListFormat>();
function listOf(items: string[], locale: Locale): string {
  let format = lists.get(locale);
  if (!format) lists.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(items);
}

/** Words of two letters or more: "Ayuda!!" is one word, "Prioridad Alta - No carga" four. */
const wordCount = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1).length;

/**
 * What the ticket should say, from policy data: to the customer (the case number, the after-hours rule with the opening
 * instant, the missing information), only before the first public agent reply; to the agent (the routing category with its
 * channel and description, the support tier with its description, the hints that apply). Hosts render these; they say each customer message once.
 */
export function composeMessages(
  policy: Policy,
  ticket: Ticket,
  facts: MessageFacts,
  calendar: BusinessCalendar | null,
  nowMs: number,
): TicketMessage[] {
  const locale = policy.locale;
  const messages: TicketMessage[] = [];
  const answered = ticket.timeline.some((e) => e.type === 'reply' && e.byAgent && e.public && Date.parse(e.at) <= nowMs);
  const said = policy.intake.customerMessages;
  const customer = (code: string, text: LocalizedText, values: Record<string, string>, params: TicketMessage['params']) => {
    const chosen = pick(text, locale);
    messages.push({ audience: 'customer', code, locale: chosen.locale, text: fill(chosen.text, values), params });
  };
  if (said && !answered) {
    const reference = ticket.reference ?? ticket.id;
    if (said.caseOpened) customer('case-opened', said.caseOpened, { case: reference }, { case: reference });
    const opening = facts.afterHoursOpeningMs;
    if (said.afterHours && opening !== null && nowMs < opening && calendar) {
      const chosen = pick(said.afterHours, locale).locale;
      const when = formatLocalInstant(opening, calendar.offsetAt(opening), chosen);
      customer('after-hours', said.afterHours, { opening: when }, { opening: calendar.toIso(opening) });
    }
    if (said.missingInformation && facts.missing.length > 0) {
      const chosen = pick(said.missingInformation, locale).locale;
      const labels = facts.missing.map((id) => {
        const entry = policy.intake.requiredInformation.find((r) => r.id === id);
        return entry ? pick(entry.label, chosen).text : id;
      });
      customer('missing-information', said.missingInformation, { missing: listOf(labels, chosen) }, { missing: [...facts.missing] });
    }
  }

  const words = agentWords[locale];
  const category = facts.category === null ? undefined : policy.categories.find((c) => c.id === facts.category);
  if (category) {
    const label = pick(category.label, locale).text;
    const params: TicketMessage['params'] = { category: category.id, ...(category.contact ? { contact: category.contact } : {}) };
    const about = category.description ? ` — ${pick(category.description, locale).text}` : '';
    const text = `${words.category}: ${label}${category.contact ? ` — ${words.channel}: ${category.contact}` : ''}${about}`;
    messages.push({ audience: 'agent', code: 'category', locale, text, params });
  }
  const tier = facts.tier === null ? undefined : policy.tiers.find((t) => t.id === facts.tier);
  if (tier)
    messages.push({
      audience: 'agent',
      code: 'tier',
      locale,
      text: `${words.tier}: ${pick(tier.label, locale).text} — ${pick(tier.description, locale).text}`,
      params: { tier: tier.id },
    });

  const flagRules = policy.triage?.flags ?? [];
  for (const hint of policy.intake.hints) {
    const byRule = flagRules.some((r) => r.hint === hint.id && facts.flags.includes(r.flag));
    const when = hint.when;
    const byWhen =
      when !== undefined &&
      (when.priorities.length === 0 || (facts.priority !== null && (when.priorities as readonly string[]).includes(facts.priority))) &&
      (when.flags.length === 0 || when.flags.some((f) => facts.flags.includes(f))) &&
      (when.subjectWordsBelow === undefined || wordCount(ticket.subject) < when.subjectWordsBelow);
    if (!byRule && !byWhen) continue;
    const chosen = pick(hint.text, locale);
    messages.push({ audience: 'agent', code: `hint:${hint.id}`, locale: chosen.locale, text: chosen.text, params: { hint: hint.id } });
  }
  return messages;
}
