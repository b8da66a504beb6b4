// The host-neutral view text (reasons, flags, states, durations, instants) is the Zendesk sidebar's, reused as is until it
// moves to a module both apps share; this file is the one place that reaches into zendesk-app.
export { explainReason, flagName, missingLabels, reasonForFlag } from '../../zendesk-app/src/explain-reason';
export { formatDuration, formatInstant, type Locale, type Messages, messages, toLocale } from '../../zendesk-app/src/messages';
