// The public API of @plazo/view-text: what the Zendesk sidebar and the Jira issue panel both show of an evaluation, in es/pt/en.
// Host-neutral: it imports only core's types, no host SDK and no React; each app adds the words only it says.
// One line per export says what it is for; biome keeps the exports sorted by path.

/** One sentence for a reason, from its kind, its rule id and the policy's own words. */
export { explainReason } from './explain-reason';
/** A flag's name, or its id when the apps do not know it. */
export { flagName } from './flag-name';
/** Milliseconds as "2 h 10 min", rounded up. */
export { formatDuration } from './format-duration';
/** An instant in a zone, in the user's language. */
export { formatInstant } from './format-instant';
/** The three languages the apps speak, and a host's locale tag to one of them. */
export { type Locale, toLocale } from './locale';
/** A policy's localized text in the user's language, or its Spanish. */
export { localized } from './localized';
/** The policy's labels of the missing required information. */
export { missingLabels } from './missing-labels';
/** The reason that explains a flag, if any. */
export { reasonForFlag } from './reason-for-flag';
/** The words both apps show, per language. */
export { type ViewMessages, viewMessages } from './view-messages';
