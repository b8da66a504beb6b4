import { getFacts } from '../../store/tickets.js';
import type { HostSession, ScopeConfigRead, StoredTicket } from '../host-adapter.js';
import { jiraAgentDirectory } from './jira-agents.js';
import type { JiraClient, JiraFieldEdit } from './jira-client.js';
import { type JiraState, jiraFactSchema, jiraRefSchema, readJiraState } from './jira-facts.js';
import type { JiraSettings } from './jira-settings.js';
import { comparableProperty } from './jira-sla-property.js';
import type { JiraChange } from './plan-jira-changes.js';

/**
 * The comment authors (not the reporter) who count as agents under the installation's `agents`, asked of Jira once per author and
 * write-back; null when the setting names none (then anyone but the reporter counts).
 */
async function agentAuthors(client: JiraClient, db: D1Database, ticket: StoredTicket, settings: JiraSettings) {
  const agents = settings.agents;
  if (!agents?.group && !agents?.projectRole) return null;
  const authors = new Set<string>();
  for (const fact of await getFacts(db, ticket.key)) {
    const f = jiraFactSchema.safeParse(fact.data);
    if (f.success && f.data.kind === 'comment' && f.data.author && f.data.author !== ticket.requester) authors.add(f.data.author);
  }
  const directory = jiraAgentDirectory(client, agents);
  const decided = await Promise.all([...authors].map(async (a) => ((await directory.isAgent(a, ticket.scope)) ? a : null)));
  return decided.filter((a): a is string => a !== null).sort();
}

export function jiraSession(client: JiraClient, db: D1Database, settings: JiraSettings): HostSession<JiraState, JiraChange> {
  let self: Promise<string | null> | undefined;
  const idOf = (ticket: StoredTicket) => jiraRefSchema.parse(ticket.ref).issueId;
  return {
    selfActor: () => (self ??= client.me()),

    // A project's settings live in the installation's (settings.projects), applied before shared code asks for scopes.
    readScopeConfig: async (): Promise<ScopeConfigRead> => ({ revision: null, raw: null, problems: [] }),

    async readState(ticket): Promise<JiraState> {
      const known = readJiraState(ticket.hostState);
      const read = await client.readIssue(idOf(ticket));
      // Plazo's comment is known only from its own state: the id it created and the text it wrote (a dry run's text without an
      // id was never written, so the first live write-back creates the comment).
      const commentText = known.commentId ? known.commentText : null;
      const property = comparableProperty(read.property);
      const { priority, labels, duedate, description } = read;
      const agents = await agentAuthors(client, db, ticket, settings);
      return { ...known, priority, labels, duedate, description, property, commentText, agents };
    },

    async apply(ticket, state, changes): Promise<JiraState> {
      const id = idOf(ticket);
      const next: JiraState = { ...state, labels: [...state.labels] };
      const fields: Omit<JiraFieldEdit, 'labels'> = {};
      const labels: NonNullable<JiraFieldEdit['labels']> = [];
      for (const c of changes) {
        if (c.kind === 'set-priority') fields.priority = { name: c.name };
        if (c.kind === 'set-duedate') fields.duedate = c.duedate;
        // Labels as a delta (update.labels add/remove): a person's labels added meanwhile stay.
        if (c.kind === 'set-labels') labels.push(...c.add.map((add) => ({ add })), ...c.remove.map((remove) => ({ remove })));
      }
      if (Object.keys(fields).length > 0 || labels.length > 0) {
        await client.editFields(id, fields, labels);
        if (fields.priority) next.priority = fields.priority.name;
        if (fields.duedate) next.duedate = fields.duedate;
        for (const l of labels)
          next.labels = l.add ? [...next.labels.filter((x) => x !== l.add), l.add] : next.labels.filter((x) => x !== l.remove);
      }
      for (const c of changes) {
        if (c.kind === 'set-property') {
          await client.setProperty(id, c.value);
          next.property = comparableProperty(c.value);
        }
        if (c.kind === 'put-comment') {
          // One comment, edited in place; created when Plazo has none (or a person deleted it: then a 404 and a new one).
          next.commentId = next.commentId
            ? await updateOrRecreate(client, id, next.commentId, c.body)
            : await client.addComment(id, c.body);
          next.commentText = c.text;
        }
        // A comment of its own, never edited: shared code records what it said, so it is said once.
        if (c.kind === 'public-comment') await client.addComment(id, c.body);
      }
      return next;
    },
  };
}

async function updateOrRecreate(client: JiraClient, issueId: string, commentId: string, body: Parameters<JiraClient['addComment']>[1]) {
  try {
    await client.updateComment(issueId, commentId, body);
    return commentId;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return client.addComment(issueId, body);
    throw error;
  }
}
