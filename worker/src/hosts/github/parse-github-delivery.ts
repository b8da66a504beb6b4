import { fail, ok, type Result, toProblems } from '@plazo/core';
import type * as z from 'zod';
import type { DeliveryEffect, DeliveryMeta, InstallationUpsert, TicketFact, TicketUpsert } from '../host-adapter.js';
import { commandsOf } from '../plazo-commands.js';
import type { GitHubFact, GitHubRef } from './github-facts.js';
import {
  type GitHubIssue,
  type GitHubRepository,
  type GitHubUser,
  handledActions,
  installationEventSchema,
  installationRepositoriesEventSchema,
  issueCommentEventSchema,
  issuesEventSchema,
  issueTransferredSchema,
} from './github-payloads.js';
import { defaultAgentAssociations } from './github-settings.js';
import { readTimeCommand } from './read-time-command.js';

/** Deliveries without an installation come from a repository webhook served with the personal token. */
export const TOKEN_INSTALLATION = 'github:token';

export const githubTicketKey = (issueId: number) => `github:issue:${issueId}`;
export const githubScope = (repositoryId: number) => `repo:${repositoryId}`;

function installationOf(installationId: number | undefined, account: string | null): InstallationUpsert {
  return installationId === undefined
    ? { key: TOKEN_INSTALLATION, host: 'github', externalId: 'token', account }
    : { key: `github:${installationId}`, host: 'github', externalId: String(installationId), account };
}

/** People, not apps or Plazo itself, can override a priority. */
const isPerson = (user: GitHubUser) => user.type === 'User';

function ticketOf(issue: GitHubIssue, repository: GitHubRepository, installationKey: string): TicketUpsert {
  const ref: GitHubRef = { owner: repository.owner.login, repo: repository.name, number: issue.number, repositoryId: repository.id };
  return {
    key: githubTicketKey(issue.id),
    installationKey,
    scope: githubScope(repository.id),
    ref,
    createdAt: issue.created_at,
    subject: issue.title,
    body: issue.body ?? '',
    requester: issue.user.login,
    organization: null,
    status: issue.state,
    hostUpdatedAt: issue.updated_at,
    hostState: { labels: issue.labels.map((l) => l.name) },
  };
}

const fact = (eventKey: string, at: string, data: GitHubFact): TicketFact => ({ eventKey, at, data });

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function invalid(event: string, error: z.ZodError) {
  const problems = toProblems(error);
  return fail('invalid-payload', `the ${event} payload does not match its schema: ${describe(error)}`, problems);
}

/** Turns a verified GitHub delivery into what Plazo stores; it decides nothing about priorities or deadlines. */
export function parseGitHubDelivery(meta: DeliveryMeta, payload: unknown): Result<DeliveryEffect, 'invalid-payload'> {
  const actions = handledActions.get(meta.event);
  if (!actions) return ok({ kind: 'ignore', reason: `event "${meta.event}" is not handled` });
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return fail('invalid-payload', `the ${meta.event} payload must be a JSON object`);
  }
  const action = (payload as { action?: unknown }).action;
  if (typeof action !== 'string') return fail('invalid-payload', `the ${meta.event} payload has no "action"`);
  if (!actions.includes(action)) return ok({ kind: 'ignore', reason: `${meta.event}.${action} is not handled` });

  switch (meta.event) {
    case 'issues':
      return action === 'transferred' ? parseTransfer(payload) : parseIssues(meta, payload);
    case 'issue_comment':
      return parseComment(payload);
    case 'installation': {
      const p = installationEventSchema.safeParse(payload);
      if (!p.success) return invalid('installation', p.error);
      const installation = installationOf(p.data.installation.id, p.data.installation.account?.login ?? null);
      const active = p.data.action === 'created' || p.data.action === 'unsuspend' || p.data.action === 'new_permissions_accepted';
      return ok({ kind: 'installation', installation, active, retireScopes: [] });
    }
    default: {
      const p = installationRepositoriesEventSchema.safeParse(payload);
      if (!p.success) return invalid('installation_repositories', p.error);
      const installation = installationOf(p.data.installation.id, p.data.installation.account?.login ?? null);
      return ok({
        kind: 'installation',
        installation,
        active: true,
        retireScopes: p.data.repositories_removed.map((r) => githubScope(r.id)),
      });
    }
  }
}

function parseIssues(meta: DeliveryMeta, payload: object): Result<DeliveryEffect, 'invalid-payload'> {
  const p = issuesEventSchema.safeParse(payload);
  if (!p.success) return invalid('issues', p.error);
  const { action, issue, repository, sender, label } = p.data;
  const installation = installationOf(p.data.installation?.id, repository.owner.login);
  if (action === 'deleted') return ok({ kind: 'retire-ticket', installation, actor: sender.login, ticketKey: githubTicketKey(issue.id) });

  const ticket = ticketOf(issue, repository, installation.key);
  const facts: TicketFact[] = [];
  if (action === 'opened') {
    // Labels chosen when the issue is opened count as set by its opener.
    for (const l of issue.labels)
      facts.push(fact(`opened-label:${l.name}`, issue.created_at, { kind: 'labeled', label: l.name, byPerson: isPerson(sender) }));
  } else if (action === 'closed') {
    facts.push(fact(`closed:${meta.id}`, issue.closed_at ?? issue.updated_at, { kind: 'closed' }));
  } else if (action === 'reopened') {
    facts.push(fact(`reopened:${meta.id}`, issue.updated_at, { kind: 'reopened' }));
  } else if (action === 'labeled' || action === 'unlabeled') {
    if (!label) return fail('invalid-payload', `issues.${action} needs "label"`);
    facts.push(fact(`${action}:${meta.id}`, issue.updated_at, { kind: action, label: label.name, byPerson: isPerson(sender) }));
  }
  return ok({ kind: 'ticket', installation, actor: sender.login, ticket, facts });
}

function parseTransfer(payload: object): Result<DeliveryEffect, 'invalid-payload'> {
  const p = issueTransferredSchema.safeParse(payload);
  if (!p.success) return invalid('issues', p.error);
  const installation = installationOf(p.data.installation?.id, p.data.changes.new_repository.owner.login);
  const ticket = ticketOf(p.data.changes.new_issue, p.data.changes.new_repository, installation.key);
  return ok({ kind: 'move-ticket', installation, actor: p.data.sender.login, fromKey: githubTicketKey(p.data.issue.id), ticket });
}

function parseComment(payload: object): Result<DeliveryEffect, 'invalid-payload'> {
  const p = issueCommentEventSchema.safeParse(payload);
  if (!p.success) return invalid('issue_comment', p.error);
  const { issue, comment, repository, sender } = p.data;
  if (issue.pull_request !== undefined && issue.pull_request !== null)
    return ok({ kind: 'ignore', reason: 'comments on pull requests are not tickets' });
  const installation = installationOf(p.data.installation?.id, repository.owner.login);
  const data: GitHubFact = {
    kind: 'comment',
    commentId: comment.id,
    login: comment.user.login,
    association: comment.author_association,
    bot: comment.user.type === 'Bot',
    byIssueAuthor: comment.user.id === issue.user.id,
    ...commandsOf(comment.body),
  };
  return ok({
    kind: 'ticket',
    installation,
    actor: sender.login,
    ticket: ticketOf(issue, repository, installation.key),
    facts: [fact(`comment:${comment.id}`, comment.created_at, data)],
    time: timeOf(comment),
  });
}

/** Agents' `/plazo time 1h30m` comments (by the default agent associations) record time on the issue; others', and malformed ones, none. */
const TIME_KEEPERS: ReadonlySet<string> = new Set(defaultAgentAssociations);

function timeOf(comment: z.infer<typeof issueCommentEventSchema>['comment']) {
  if (!TIME_KEEPERS.has(comment.author_association) || !comment.body) return [];
  const seconds = readTimeCommand(comment.body);
  if (!seconds.ok || seconds.value === null) return [];
  const source = 'github-command';
  return [{ entryKey: `comment:${comment.id}`, at: comment.created_at, seconds: seconds.value, source, author: comment.user.login }];
}
