import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { deliver, deliveryId, example, githubTime, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { issueState, requestLog } from './support/stand-in.js';
import { settled, ticketKey, ticketRow, writeBacks } from './support/storage.js';

const MARKER = '<!-- plazo:sla-comment -->';

describe('GitHub issues, end to end through D1, the queue and the REST stand-in', () => {
  it('labels a new issue with its priority and comments its deadlines (personal token)', async () => {
    const ids = uniqueIds();
    const res = await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted', ticket: ticketKey(ids.issueId) });

    const row = await settled(ticketKey(ids.issueId));
    const evaluation = JSON.parse(row.evaluation);
    const state = await issueState(ids);
    expect(state.labels).toContain(`priority: ${evaluation.priority}`);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body.startsWith(MARKER)).toBe(true);
    expect(state.comments[0]!.user.login).toBe('plazo-machine');
    // Created with its colour and description, not GitHub's grey default.
    const label = state.repoLabels.find((l) => l.name === `priority: ${evaluation.priority}`)!;
    expect(label.description).toMatch(/\S/);
    const [writeBack] = await writeBacks(row.key);
    expect(writeBack).toMatchObject({ mode: 'live', status: 'applied' });
  });

  it('changes nothing on a redelivery with the same X-GitHub-Delivery', async () => {
    const ids = uniqueIds();
    const payload = onIssue(example('issues', 'opened'), ids, { createdAt: recent() });
    const id = deliveryId();
    expect((await (await deliver('issues', payload, { id })).json()) as object).toMatchObject({ status: 'accepted' });
    await settled(ticketKey(ids.issueId));
    const before = await requestLog();
    const again = await deliver('issues', payload, { id });
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const row = await settled(ticketKey(ids.issueId));
    expect(row.version).toBe(row.applied_version);
    expect((await requestLog()).requests.length).toBe(before.requests.length);
    expect((await issueState(ids)).comments).toHaveLength(1);
  });

  it('accepts one of several identical deliveries arriving at once', async () => {
    const ids = uniqueIds();
    const payload = onIssue(example('issues', 'opened'), ids, { createdAt: recent() });
    const id = deliveryId();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => deliver('issues', payload, { id }).then((r) => r.json() as Promise<{ status: string }>)),
    );
    expect(answers.filter((a) => a.status === 'accepted')).toHaveLength(1);
    expect(answers.filter((a) => a.status === 'duplicate')).toHaveLength(5);
    await settled(ticketKey(ids.issueId));
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
  });

  it('keeps one comment and one priority label when deliveries for one issue race', async () => {
    const ids = uniqueIds();
    const opened = onIssue(example('issues', 'opened'), ids, { createdAt: recent() });
    const edited = onIssue(example('issues', 'edited'), ids, { createdAt: recent(), title: 'Cannot log in to the admin console' });
    const comment = onIssue(example('issue_comment', 'created'), ids, { createdAt: recent() });
    comment.comment.id = ids.issueId + 1;
    comment.comment.user = { ...comment.comment.user, login: 'someone-else', id: 99 };
    const answers = await Promise.all([
      deliver('issues', opened),
      deliver('issues', edited),
      deliver('issue_comment', comment),
      deliver('issues', opened),
    ]);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    await settled(ticketKey(ids.issueId));
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    expect(state.labels.filter((l) => l.startsWith('priority: '))).toHaveLength(1);
  });

  it("lets a person's priority label override triage, and ignores Plazo's own label changes", async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const first = JSON.parse((await settled(ticketKey(ids.issueId))).evaluation);
    const override = first.priority === 'alta' ? 'baja' : 'alta';

    // Plazo's own "labeled" delivery (sender = the token's user) must not count as a person's choice.
    const own = onIssue(example('issues', 'labeled'), ids, { createdAt: recent(), labels: [`priority: ${first.priority}`] });
    own.label = { ...own.label, name: `priority: ${first.priority}` };
    own.sender = { ...own.sender, login: 'plazo-machine' };
    expect(await (await deliver('issues', own)).json()).toMatchObject({ status: 'ignored', detail: "Plazo's own change" });

    const labeled = onIssue(example('issues', 'labeled'), ids, {
      createdAt: recent(),
      labels: [`priority: ${first.priority}`, `priority: ${override}`],
    });
    labeled.label = { ...labeled.label, name: `priority: ${override}` };
    labeled.issue.updated_at = githubTime();
    expect(await (await deliver('issues', labeled)).json()).toMatchObject({ status: 'accepted' });
    const row = await settled(ticketKey(ids.issueId));
    const evaluation = JSON.parse(row.evaluation);
    expect(evaluation.priority).toBe(override);
    expect(evaluation.reasons.some((r: { kind: string }) => r.kind === 'override')).toBe(true);
    const state = await issueState(ids);
    expect(state.labels.filter((l) => l.startsWith('priority: '))).toEqual([`priority: ${override}`]);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain(`\`${override}\``);
  });

  it('counts a comment by a repository member as the first response, but not one on a pull request', async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    await settled(ticketKey(ids.issueId));

    const onPr = onIssue(example('issue_comment', 'created'), ids, { createdAt: recent() });
    onPr.issue.pull_request = { url: 'https://api.github.com/repos/x/y/pulls/1' };
    expect(await (await deliver('issue_comment', onPr)).json()).toMatchObject({ status: 'ignored' });

    const reply = onIssue(example('issue_comment', 'created'), ids, { createdAt: recent() });
    reply.comment = {
      ...reply.comment,
      id: ids.issueId + 5,
      author_association: 'MEMBER',
      created_at: githubTime(),
      user: { ...reply.comment.user, login: 'support-agent', id: 777, type: 'User' },
    };
    expect(await (await deliver('issue_comment', reply)).json()).toMatchObject({ status: 'accepted' });
    const evaluation = JSON.parse((await settled(ticketKey(ids.issueId))).evaluation);
    expect(evaluation.sla.firstResponse?.state).toBe('met');
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
  });

  it('authenticates as the GitHub App with a JWT and reuses the installation token', async () => {
    const installationId = 500_000 + Math.floor(Math.random() * 100_000);
    const before = (await requestLog()).tokenMints;
    for (let i = 0; i < 2; i++) {
      const ids = uniqueIds();
      await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId }));
      await settled(ticketKey(ids.issueId));
      const state = await issueState(ids);
      expect(state.comments[0]!.user.login).toBe('plazo-test[bot]');
    }
    expect((await requestLog()).tokenMints - before).toBe(1);
    const installation = await env.DB.prepare('SELECT * FROM installations WHERE key = ?1').bind(`github:${installationId}`).first();
    expect(installation).toMatchObject({ active: 1 });
  });

  it('retires a deleted issue', async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    await settled(ticketKey(ids.issueId));
    const deleted = onIssue(example('issues', 'deleted'), ids);
    expect(await (await deliver('issues', deleted)).json()).toMatchObject({ status: 'accepted' });
    expect(await ticketRow(ticketKey(ids.issueId))).toMatchObject({ status: 'retired', next_check_at: null });
  });

  it('answers 202 ignored to events it does not handle', async () => {
    const res = await deliver('issues', example('issues', 'assigned'));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'ignored' });
    const ping = await deliver('ping', example('ping', null));
    expect(await ping.json()).toMatchObject({ status: 'ignored' });
  });
});
