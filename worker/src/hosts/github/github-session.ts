import { fail, ok, type Result } from '@plazo/core';
import type { HostContext, HostSession, ScopeConfigRead, StoredInstallation, StoredTicket } from '../host-adapter.js';
import { appBotLogin, forgetInstallationToken, installationToken } from './github-app-auth.js';
import { createGitHubClient, type GitHubClient } from './github-client.js';
import type { GitHubConfig } from './github-config.js';
import { type GitHubRef, type GitHubState, githubRefSchema, readGitHubState } from './github-facts.js';
import { parseConfigYaml } from './parse-config-yaml.js';
import { TOKEN_INSTALLATION } from './parse-github-delivery.js';
import type { GitHubChange } from './plan-github-changes.js';
import { isPlazoComment } from './render-sla-comment.js';
import { simulateGitHubChanges } from './simulate-github-changes.js';

export const CONFIG_PATH = '.github/plazo.yml';

const statusOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : 0;

/** JSON ids arrive as numbers; the REST types also allow bigint. */
const idOf = (response: { data: { id: number | bigint } }) => Number(response.data.id);

function refOf(ticket: StoredTicket): GitHubRef {
  return githubRefSchema.parse(ticket.ref);
}

function decodeBase64(text: string): string {
  const binary = atob(text.replace(/\s+/g, ''));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The App's installation token, or the personal token for deliveries without an installation; without them, what is missing. */
export async function connectGitHub(
  installation: StoredInstallation,
  ctx: HostContext<GitHubConfig>,
): Promise<Result<HostSession<GitHubState, GitHubChange>, 'missing-credentials'>> {
  const { config } = ctx;
  if (installation.key === TOKEN_INSTALLATION) {
    if (!config.token) return fail('missing-credentials', 'GITHUB_TOKEN is not set');
    const client = createGitHubClient(config.token, config.apiUrl, ctx.limits);
    return ok(githubSession(client, async (c) => (await c.request('GET /user')).data.login));
  }
  if (!config.appId || !config.appPrivateKey) return fail('missing-credentials', 'GITHUB_APP_ID or GITHUB_APP_PRIVATE_KEY is not set');
  const token = await installationToken(installation.externalId, ctx);
  const octokit = createGitHubClient(token, config.apiUrl, ctx.limits);
  // A token GitHub refuses (revoked, expired early) is not reused by the next try.
  octokit.hook.error('request', (error) => {
    if (statusOf(error) === 401) forgetInstallationToken(installation.externalId, config);
    throw error;
  });
  return ok(githubSession(octokit, () => appBotLogin(ctx)));
}

function githubSession(octokit: GitHubClient, whoAmI: (c: GitHubClient) => Promise<string | null>): HostSession<GitHubState, GitHubChange> {
  let self: Promise<string | null> | undefined;
  return {
    selfActor: () => (self ??= whoAmI(octokit)),

    async readScopeConfig(ticket): Promise<ScopeConfigRead> {
      const { owner, repo } = refOf(ticket);
      let data: unknown;
      try {
        data = (await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path: CONFIG_PATH })).data;
      } catch (error) {
        if (statusOf(error) === 404) return { revision: null, raw: null, problems: [] };
        throw error;
      }
      const file = data as { type?: string; content?: string; encoding?: string; sha?: string };
      const revision = file.sha ?? null;
      if (file.type !== 'file' || file.encoding !== 'base64' || typeof file.content !== 'string') {
        return {
          revision,
          raw: null,
          problems: [{ path: CONFIG_PATH, message: 'is not a readable file (is it a directory, a link or larger than 1 MB?)' }],
        };
      }
      const read = parseConfigYaml(decodeBase64(file.content));
      if (!read.ok) return { revision, raw: null, problems: [{ path: CONFIG_PATH, message: `is not valid YAML: ${read.issue.detail}` }] };
      return { revision, raw: read.value, problems: [] };
    },

    async readState(ticket): Promise<GitHubState> {
      const { owner, repo, number } = refOf(ticket);
      const known = readGitHubState(ticket.hostState).comment;
      const [onIssue, inRepo, comment] = await Promise.all([
        octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', { owner, repo, issue_number: number, per_page: 100 }),
        octokit.paginate('GET /repos/{owner}/{repo}/labels', { owner, repo, per_page: 100 }),
        findComment(octokit, { owner, repo, number }, known?.id ?? 0),
      ]);
      return { labels: onIssue.map((l) => l.name), repoLabels: inRepo.map((l) => l.name), comment };
    },

    async apply(ticket, state, changes): Promise<GitHubState> {
      const { owner, repo, number } = refOf(ticket);
      const createComment = async (body: string) =>
        idOf(
          await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number, body }),
        );
      let commentId: number | null = null;
      for (const change of changes) {
        switch (change.kind) {
          case 'create-label':
            await octokit
              .request('POST /repos/{owner}/{repo}/labels', {
                owner,
                repo,
                name: change.name,
                color: change.color,
                description: change.description,
              })
              .catch(unless(422));
            break;
          case 'add-labels':
            await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
              owner,
              repo,
              issue_number: number,
              labels: change.names,
            });
            break;
          case 'remove-label':
            await octokit
              .request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
                owner,
                repo,
                issue_number: number,
                name: change.name,
              })
              .catch(unless(404));
            break;
          case 'create-comment':
            commentId = await createComment(change.body);
            break;
          case 'update-comment':
            try {
              commentId = idOf(
                await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                  owner,
                  repo,
                  comment_id: change.commentId,
                  body: change.body,
                }),
              );
            } catch (error) {
              // Deleted by someone since it was read: write it anew.
              if (statusOf(error) !== 404) throw error;
              commentId = await createComment(change.body);
            }
            break;
          case 'reply':
            await createComment(change.body);
            break;
        }
      }
      const next = simulateGitHubChanges(state, changes);
      return commentId !== null && next.comment ? { ...next, comment: { ...next.comment, id: commentId } } : next;
    },
  };
}

/** An expected status means the change is already there (label exists, label already gone). */
const unless = (expected: number) => (error: unknown) => {
  if (statusOf(error) !== expected) throw error;
};

/** Plazo's comment: by the id it stored, else the first comment that starts with the marker. */
async function findComment(
  octokit: GitHubClient,
  ref: { owner: string; repo: string; number: number },
  knownId: number,
): Promise<GitHubState['comment']> {
  if (knownId > 0) {
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: ref.owner,
        repo: ref.repo,
        comment_id: knownId,
      });
      if (isPlazoComment(data.body)) return { id: Number(data.id), body: data.body ?? '' };
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
  for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.number,
    per_page: 100,
  })) {
    const mine = page.data.find((c) => isPlazoComment(c.body));
    if (mine) return { id: mine.id, body: mine.body ?? '' };
  }
  return null;
}
