import { env, exports } from 'cloudflare:workers';
import { builtInPolicies } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { deliver, example, githubTime, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { issueState, putFile } from './support/stand-in.js';
import { admin, settled, ticketKey, ticketRow } from './support/storage.js';

const MARKER = '<!-- plazo:sla-comment -->';

/** A new issue that WebSaaS reads as urgente: the point of sale cannot invoice. */
const openStoppedTillIssue = (ids: ReturnType<typeof uniqueIds>) =>
  deliver(
    'issues',
    onIssue(example('issues', 'opened'), ids, {
      createdAt: recent(),
      title: 'No podemos facturar',
      body: 'El punto de venta está detenido: no podemos facturar nada.',
    }),
  );

describe('.github/plazo.yml and installations', () => {
  it('uses the policy and label names of the repository file', async () => {
    const ids = uniqueIds();
    await putFile(
      ids,
      '.github/plazo.yml',
      [
        'policy: websaas',
        'labels:',
        '  priorities:',
        '    urgente: { name: "P0 urgente", color: "#b60205" }',
        '    importante: { name: "P1" }',
        '    normal: { name: "P2" }',
        '',
      ].join('\n'),
    );
    await openStoppedTillIssue(ids);
    const row = await settled(ticketKey(ids.issueId));
    const evaluation = JSON.parse(row.evaluation);
    expect(row.policy_id).toBe('websaas');
    expect(evaluation.priority).toBe('urgente');
    const state = await issueState(ids);
    expect(state.labels).toContain('P0 urgente');
    expect(state.repoLabels.find((l) => l.name === 'P0 urgente')?.color).toBe('b60205');
    expect(state.comments[0]!.body).not.toContain('[!WARNING]');
  });

  it("takes the repository's at-risk threshold over the policy's", async () => {
    const ids = uniqueIds();
    // WebSaaS's urgent first response is one calendar hour; a minute gone leaves 98 %, at risk only under a 99 % threshold.
    await putFile(ids, '.github/plazo.yml', 'policy: websaas\natRiskRemainingRatio: 0.99\n');
    await openStoppedTillIssue(ids);
    const evaluation = JSON.parse((await settled(ticketKey(ids.issueId))).evaluation);
    expect(evaluation.priority).toBe('urgente');
    expect(evaluation.sla.firstResponse.state).toBe('at-risk');
    expect((await issueState(ids)).labels).toContain('sla: at risk');
  });

  it('reports a broken file on the issue once, and falls back to the defaults', async () => {
    const ids = uniqueIds();
    await putFile(ids, '.github/plazo.yml', 'policy: websaas\nlabels: { atRisk: { color: "not-a-colour" } }\nsurprise: true\n');
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const row = await settled(ticketKey(ids.issueId));
    expect(row.policy_id).toBe('peewah');
    let state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain('`.github/plazo.yml` could not be used');
    expect(state.comments[0]!.body).toMatch(/labels\.atRisk\.color/);

    const edited = onIssue(example('issues', 'edited'), ids, { createdAt: recent(), title: 'Still broken' });
    edited.issue.updated_at = githubTime();
    await deliver('issues', edited);
    await settled(ticketKey(ids.issueId));
    state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body.match(/could not be used/g)).toHaveLength(1);
  });

  it('reports invalid YAML too', async () => {
    const ids = uniqueIds();
    await putFile(ids, '.github/plazo.yml', 'policy: [websaas\n');
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    await settled(ticketKey(ids.issueId));
    expect((await issueState(ids)).comments[0]!.body).toContain('is not valid YAML');
  });

  it('writes only a comment saying why on an excluded issue', async () => {
    const ids = uniqueIds();
    await deliver(
      'issues',
      onIssue(example('issues', 'opened'), ids, {
        createdAt: recent(),
        title: 'Se cae la transmisión del evento en vivo',
        body: 'Problemas de conexión a internet durante la transmisión del evento online, la plataforma de streaming falla.',
      }),
    );
    const row = await settled(ticketKey(ids.issueId));
    expect(JSON.parse(row.evaluation).excluded).toBe(true);
    expect(row.sla_state).toBe('excluded');
    const state = await issueState(ids);
    expect(state.labels).toEqual([]);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain('No response or resolution deadlines apply');
  });

  it('retires tickets of removed repositories and pauses a removed installation', async () => {
    const ids = uniqueIds();
    const installationId = 800_000 + Math.floor(Math.random() * 100_000);
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId }));
    await settled(ticketKey(ids.issueId));

    const removed = example('installation_repositories', 'removed');
    removed.installation.id = installationId;
    removed.repositories_removed = [{ id: ids.repoId, full_name: `${ids.owner}/${ids.repo}` }];
    expect(await (await deliver('installation_repositories', removed)).json()).toMatchObject({ status: 'accepted' });
    expect(await ticketRow(ticketKey(ids.issueId))).toMatchObject({ status: 'retired', next_check_at: null });

    const deleted = example('installation', 'deleted');
    deleted.installation.id = installationId;
    await deliver('installation', deleted);
    expect(await env.DB.prepare('SELECT active FROM installations WHERE key = ?1').bind(`github:${installationId}`).first()).toEqual({
      active: 0,
    });
  });

  it('refuses installation settings that are null or name an unknown policy, and keeps the ones it had', async () => {
    const installationId = 900_000 + Math.floor(Math.random() * 90_000);
    const created = example('installation', 'created');
    created.installation.id = installationId;
    await deliver('installation', created);
    const key = `github:${installationId}`;
    const put = (body: string) =>
      exports.default.fetch(
        admin(`/api/v1/installations/${key}/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body }),
      );
    const stored = async () =>
      JSON.parse(
        String(
          (await env.DB.prepare('SELECT settings FROM installations WHERE key = ?1').bind(key).first<{ settings: string }>())!.settings,
        ),
      );

    expect((await put(JSON.stringify({ policy: 'websaas', dryRun: true }))).status).toBe(200);
    const nullBody = await put('null');
    expect(nullBody.status).toBe(400);
    expect(await nullBody.json()).toMatchObject({
      error: { code: 'invalid-config', detail: expect.stringMatching(/object.*null|null.*object/) },
    });
    const unknown = await put(JSON.stringify({ policy: 'no-such-policy' }));
    expect(unknown.status).toBe(400);
    const error = ((await unknown.json()) as { error: { code: string; detail: string; problems: { path: string }[] } }).error;
    expect(error).toMatchObject({ code: 'unknown-policy', problems: [{ path: 'policy' }] });
    for (const id of builtInPolicies.keys()) expect(error.detail).toContain(id);
    expect(await stored()).toEqual({ policy: 'websaas', dryRun: true });
  });

  it('stops the clocks of a closed issue', async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    await settled(ticketKey(ids.issueId));
    const closed = onIssue(example('issues', 'reopened'), ids, { createdAt: recent() });
    closed.action = 'closed';
    closed.issue.state = 'closed';
    closed.issue.closed_at = closed.issue.updated_at = githubTime();
    expect(await (await deliver('issues', closed)).json()).toMatchObject({ status: 'accepted' });
    const row = await settled(ticketKey(ids.issueId));
    expect(row.status).toBe('closed');
    const evaluation = JSON.parse(row.evaluation);
    expect(evaluation.sla.resolution?.state).toBe('met');
    expect((await issueState(ids)).comments[0]!.body.startsWith(MARKER)).toBe(true);
  });
});
