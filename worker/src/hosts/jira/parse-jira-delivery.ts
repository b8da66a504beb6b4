import { fail, ok, type Result, toProblems } from '@plazo/core';
import type * as z from 'zod';
import type { DeliveryEffect, InstallationUpsert, TicketFact, TicketUpsert, TimeSpent } from '../host-adapter.js';
import { commandsOf } from '../plazo-commands.js';
import type { JiraFact, JiraRef } from './jira-facts.js';
import { isMarkLabel } from './jira-marks.js';
import {
  adfText,
  adminWebhookEvents,
  adminWebhookSchema,
  type changelogSchema,
  type commentSchema,
  forgeEventSchema,
  forgeEvents,
  type JiraEventKind,
  type JiraIssuePayload,
  worklogEvent,
  worklogEventSchema,
} from './jira-payloads.js';

/** Where a delivery comes from, found by verify: the installation (Forge or a site) that signed it. */
export type JiraSource = { installationKey: string; externalId: string; account: string | null; site: string | null };

export const jiraTicketKey = (installationKey: string, issueId: string) => `${installationKey}:${issueId}`;

/** One event, whichever entry path brought it. */
type JiraEvent = {
  kind: JiraEventKind;
  name: string;
  issue: JiraIssuePayload;
  actor: string | null;
  at: string;
  changelog: z.infer<typeof changelogSchema> | null;
  comment: z.infer<typeof commentSchema> | null;
};

function invalid(what: string, error: z.ZodError) {
  const detail = error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return fail('invalid-payload', `the ${what} does not match its schema: ${detail}`, toProblems(error));
}

const lookup = <T extends object>(table: T, name: string): T[keyof T] | undefined =>
  Object.hasOwn(table, name) ? table[name as keyof T] : undefined;

/** A Forge event (eventType) or an admin webhook (webhookEvent), as one shape; null for events Plazo does not handle. */
function eventOf(payload: unknown): Result<JiraEvent | { ignore: string }, 'invalid-payload'> {
  const envelope = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  if (typeof envelope.eventType === 'string') {
    const kind = lookup(forgeEvents, envelope.eventType);
    if (!kind) return ok({ ignore: `${envelope.eventType.slice(0, 100)} is not handled` });
    const e = forgeEventSchema.safeParse(payload);
    if (!e.success) return invalid(`${envelope.eventType} event`, e.error);
    const d = e.data;
    // Forge events carry no instant of their own: the comment's, else the issue's last update.
    const at = d.comment?.updated ?? d.comment?.created ?? d.issue.fields.updated ?? d.issue.fields.created;
    if (!at) return fail('invalid-payload', 'the event has neither a comment nor the issue\'s "updated" or "created" instant');
    const actor = d.atlassianId ?? null;
    return ok({ kind, name: d.eventType, issue: d.issue, actor, at, changelog: d.changelog ?? null, comment: d.comment ?? null });
  }
  if (typeof envelope.webhookEvent === 'string') {
    const kind = lookup(adminWebhookEvents, envelope.webhookEvent);
    if (!kind) return ok({ ignore: `${envelope.webhookEvent.slice(0, 100)} is not handled` });
    const e = adminWebhookSchema.safeParse(payload);
    if (!e.success) return invalid(`${envelope.webhookEvent} webhook`, e.error);
    const d = e.data;
    const at = new Date(d.timestamp).toISOString();
    const actor = d.user?.accountId ?? null;
    return ok({ kind, name: d.webhookEvent, issue: d.issue, actor, at, changelog: d.changelog ?? null, comment: d.comment ?? null });
  }
  return fail('invalid-payload', 'the body has neither "eventType" (a Forge event) nor "webhookEvent" (a Jira admin webhook)');
}

function ticketOf(issue: JiraIssuePayload, source: JiraSource, at: string): TicketUpsert {
  const f = issue.fields;
  const ref: JiraRef = { issueId: issue.id, issueKey: issue.key };
  const hostState: Record<string, unknown> = {};
  if (f.priority !== undefined) hostState.priority = f.priority?.name ?? null;
  if (f.labels !== undefined) hostState.labels = f.labels ?? [];
  if (f.duedate !== undefined) hostState.duedate = f.duedate ?? null;
  const body = adfText(f.description ?? '').trim();
  // Kept with the host state too, so an event without a description (Forge's) is triaged on the last one seen.
  if (f.description !== undefined) hostState.description = body;
  return {
    key: jiraTicketKey(source.installationKey, issue.id),
    installationKey: source.installationKey,
    scope: f.project.key,
    ref,
    createdAt: f.created ?? at,
    subject: f.summary ?? '',
    body,
    requester: f.reporter?.accountId ?? f.creator?.accountId ?? null,
    // Plain Jira issues name no customer organisation (the adapter's noOrganizations says so to history rules).
    organization: null,
    status: f.status?.statusCategory?.key === 'done' ? 'closed' : 'open',
    hostUpdatedAt: f.updated ?? at,
    hostState,
  };
}

/** Keyed by the comment's id: an edit (or both entry paths reporting it) is the same fact. */
function commentFacts(e: JiraEvent): TicketFact[] {
  const c = e.comment;
  if (!c) return [];
  const data: JiraFact = {
    kind: 'comment',
    commentId: c.id,
    author: c.author?.accountId ?? null,
    public: c.jsdPublic !== false,
    ...commandsOf(adfText(c.body ?? '')),
  };
  return [{ eventKey: `comment:${c.id}`, at: c.created, data }];
}

function factsOf(e: JiraEvent): TicketFact[] {
  const fact = (eventKey: string, at: string, data: JiraFact): TicketFact => ({ eventKey, at, data });
  const status = e.issue.fields.status;
  switch (e.kind) {
    case 'created': {
      const created = e.issue.fields.created ?? e.at;
      // An issue created straight into a status (a pause, or done), or with mark labels, starts there.
      const facts = status
        ? [fact('created-status', created, { kind: 'status', name: status.name, category: status.statusCategory?.key ?? null })]
        : [];
      const marks = (e.issue.fields.labels ?? []).filter(isMarkLabel);
      if (marks.length > 0) facts.push(fact('created-labels', created, { kind: 'labels', added: marks, removed: [] }));
      return facts;
    }
    case 'commented':
      return commentFacts(e);
    case 'updated': {
      // An admin webhook's jira:issue_updated also carries a comment added with the change.
      const facts: TicketFact[] = commentFacts(e);
      for (const item of e.changelog?.items ?? []) {
        const field = (item.fieldId ?? item.field).toLowerCase();
        const key = `changelog:${e.changelog?.id}:${field}`;
        if (field === 'status' && item.toString) {
          // The changelog names the status; its category is known when the issue now shows that status.
          const category = status && status.name === item.toString ? (status.statusCategory?.key ?? null) : null;
          facts.push(fact(key, e.at, { kind: 'status', name: item.toString, category }));
        }
        if (field === 'labels') {
          // The changelog lists the labels before and after, separated by spaces.
          const before = (item.fromString ?? '').split(' ').filter(isMarkLabel);
          const after = (item.toString ?? '').split(' ').filter(isMarkLabel);
          const added = after.filter((l) => !before.includes(l));
          const removed = before.filter((l) => !after.includes(l));
          if (added.length > 0 || removed.length > 0) facts.push(fact(key, e.at, { kind: 'labels', added, removed }));
        }
        if (field === 'priority')
          facts.push(fact(key, e.at, { kind: 'priority', name: item.toString ?? null, byPerson: e.actor !== null }));
      }
      return facts;
    }
    default:
      return [];
  }
}

/** Refuses an admin webhook whose issue or worklog (`self`) is on another site than the one whose secret signed it. */
function offSite(source: JiraSource, what: string, self: string | undefined) {
  if (source.site === null || self === undefined || URL.parse(self)?.host === source.site) return null;
  return fail('invalid-payload', `the ${what}'s "self" is not on ${source.site}, the site this webhook is set up for`);
}

const installationOf = (source: JiraSource): InstallationUpsert => ({
  key: source.installationKey,
  host: 'jira' as InstallationUpsert['host'],
  externalId: source.externalId,
  account: source.account,
});

/**
 * A worklog logged, edited or deleted: its time as the worklog's new total (0 once deleted), keyed by its id and version (its
 * `updated` instant; "deleted" sorts after any instant, so no older event revives it). The issue is named by id alone.
 */
function worklogEffect(source: JiraSource, name: string, payload: unknown): Result<DeliveryEffect, 'invalid-payload'> {
  const e = worklogEventSchema.safeParse(payload);
  if (!e.success) return invalid(`${name} event`, e.error);
  const w = e.data.worklog;
  const foreign = offSite(source, 'worklog', w.self);
  if (foreign) return foreign;
  const removed = name.includes('deleted');
  const revises = `worklog:${w.id}`;
  const time: TimeSpent = {
    entryKey: `${revises}@${removed ? 'deleted' : (w.updated ?? w.started)}`,
    at: w.started,
    seconds: removed ? 0 : w.timeSpentSeconds,
    source: 'jira-worklog',
    author: w.author?.accountId ?? null,
    revises,
  };
  return ok({
    kind: 'time',
    installation: installationOf(source),
    // Plazo logs no work: no worklog event is its own change.
    actor: null,
    ticketKey: jiraTicketKey(source.installationKey, w.issueId),
    time: [time],
  });
}

/**
 * Turns a verified Jira delivery (a Forge product event or an admin webhook) into what Plazo stores; it decides nothing about
 * priorities or deadlines. An admin webhook's issue must belong to the site whose secret signed it.
 */
export function parseJiraDelivery(source: JiraSource, payload: unknown): Result<DeliveryEffect, 'invalid-payload'> {
  const envelope = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const name = envelope.eventType ?? envelope.webhookEvent;
  if (typeof name === 'string' && worklogEvent.test(name)) return worklogEffect(source, name, payload);
  const event = eventOf(payload);
  if (!event.ok) return event;
  if ('ignore' in event.value) return ok({ kind: 'ignore', reason: event.value.ignore });
  const e = event.value;
  const foreign = offSite(source, 'issue', e.issue.self);
  if (foreign) return foreign;
  const installation = installationOf(source);
  if (e.kind === 'deleted')
    return ok({ kind: 'retire-ticket', installation, actor: e.actor, ticketKey: jiraTicketKey(source.installationKey, e.issue.id) });
  return ok({ kind: 'ticket', installation, actor: e.actor, ticket: ticketOf(e.issue, source, e.at), facts: factsOf(e) });
}

/** The part of a Forge event that tells one delivery from another (Forge's retries repeat it; its tokens differ). */
export function forgeEventId(payload: unknown): string | null {
  const envelope = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const issue = envelope.issue as { id?: unknown; fields?: { updated?: unknown } } | undefined;
  const pick = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 64) : null);
  const name = typeof envelope.eventType === 'string' ? envelope.eventType.slice(0, 64) : null;
  const worklog = envelope.worklog as { id?: unknown; updated?: unknown } | undefined;
  if (name && worklog) return pick(worklog.id) ? `${name}:worklog:${pick(worklog.id)}@${pick(worklog.updated) ?? ''}` : null;
  const issueId = pick(issue?.id);
  if (!name || !issueId) return null;
  const changelog = pick((envelope.changelog as { id?: unknown } | undefined)?.id);
  const comment = envelope.comment as { id?: unknown; updated?: unknown } | undefined;
  const detail = changelog ?? (comment ? `${pick(comment.id)}@${pick(comment.updated)}` : pick(issue?.fields?.updated));
  return `${name}:${issueId}:${detail ?? ''}`;
}
