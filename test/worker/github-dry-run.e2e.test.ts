import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { deliver, example, githubTime, type Ids, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { issueState } from './support/stand-in.js';
import { admin, settled, ticketKey, writeBacks } from './support/storage.js';

const kinds = (plan: Record<string, any>) => (plan.changes as { kind: string }[]).map((c) => c.kind);
const issue = { title: 'Spelling error in the README file', body: "It looks like you accidently spelled 'commit' with two 't's." };

/** A fresh App installation whose defaults say "dry run", so nothing is ever sent to the stand-in. */
async function dryRunInstallation(settings: Record<string, unknown> = {}): Promise<number> {
  const installationId = 700_000 + Math.floor(Math.random() * 100_000);
  const created = example('installation', 'created');
  created.installation.id = installationId;
  expect(await (await deliver('installation', created)).json()).toMatchObject({ status: 'accepted' });
  const put = await exports.default.fetch(
    admin(`/api/v1/installations/github:${installationId}/settings`, {
      method: 'PUT',
      body: JSON.stringify({ dryRun: true, ...settings }),
    }),
  );
  expect(put.status).toBe(200);
  return installationId;
}

/** An issues delivery for the issue as GitHub would send it later: `labels` is what the real issue shows. */
function later(action: string, ids: Ids, installationId: number, labels: string[] = []) {
  const payload = onIssue(example('issues', action), ids, { createdAt: recent(), installationId, labels, ...issue });
  payload.issue.updated_at = githubTime();
  return payload;
}

describe('dry runs', () => {
  it('plans without writing for an installation set to dry run, and shows the plan through the API', async () => {
    const ids = uniqueIds();
    const installationId = await dryRunInstallation({ policy: 'infraspeak' });
    const badPut = await exports.default.fetch(
      admin(`/api/v1/installations/github:${installationId}/settings`, { method: 'PUT', body: JSON.stringify({ policy: 3 }) }),
    );
    expect(badPut.status).toBe(400);

    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId }));
    const row = await settled(ticketKey(ids.issueId));
    expect(row.policy_id).toBe('infraspeak');
    const [plan] = await writeBacks(row.key);
    expect(plan).toMatchObject({ mode: 'dry-run', status: 'dry-run' });
    expect(kinds(plan!)).toContain('create-comment');
    expect((await issueState(ids)).comments).toHaveLength(0);

    const listed = (await (await exports.default.fetch(admin('/api/v1/tickets?host=github&limit=200'))).json()) as {
      tickets: { key: string; lastWriteBack: { mode: string } }[];
    };
    expect(listed.tickets.find((t) => t.key === row.key)?.lastWriteBack.mode).toBe('dry-run');
    const detail = await exports.default.fetch(admin(`/api/v1/tickets/${encodeURIComponent(row.key)}`));
    expect(detail.status).toBe(200);
  });

  it("diffs against the simulated issue: a delivery with nothing new plans nothing, a person's priority label plans only the rest", async () => {
    const ids = uniqueIds();
    const installationId = await dryRunInstallation();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId, ...issue }));
    const key = ticketKey(ids.issueId);
    const first = JSON.parse((await settled(key)).evaluation) as { priority: string };
    const [plan] = await writeBacks(key);
    expect(plan!.changes).toContainEqual({ kind: 'add-labels', names: [`priority: ${first.priority}`] });

    // The real issue still lacks Plazo's label (nothing was sent), but the simulated one has it.
    expect(await (await deliver('issues', later('edited', ids, installationId))).json()).toMatchObject({ status: 'accepted' });
    await settled(key);
    expect(await writeBacks(key)).toHaveLength(1);

    const override = first.priority === 'alta' ? 'baja' : 'alta';
    const labeled = later('labeled', ids, installationId, [`priority: ${override}`]);
    labeled.label = { ...labeled.label, name: `priority: ${override}` };
    expect(await (await deliver('issues', labeled)).json()).toMatchObject({ status: 'accepted' });
    expect(JSON.parse((await settled(key)).evaluation).priority).toBe(override);
    const plans = await writeBacks(key);
    expect(plans).toHaveLength(2);
    expect(plans.every((p) => p.mode === 'dry-run')).toBe(true);
    expect(kinds(plans[1]!)).toEqual(['remove-label', 'update-comment']);
    expect(plans[1]!.changes[0]).toEqual({ kind: 'remove-label', name: `priority: ${first.priority}` });
    expect((await issueState(ids)).labels).toEqual([]);
  });
});
