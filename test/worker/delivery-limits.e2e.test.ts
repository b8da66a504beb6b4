import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { acceptDelivery, MAX_FACTS_PER_DELIVERY } from '../../worker/src/deliveries/accept-delivery.js';
import { adapterFor } from '../../worker/src/hosts/adapters.js';
import { GITHUB_MAX_LABELS } from '../../worker/src/hosts/github/github-payloads.js';
import { deliver, deliveryId, example, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { rowCounts, settled, ticketKey, ticketRow } from './support/storage.js';

const factCount = async (key: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_key = ?1').bind(key).first<{ n: number }>())!.n;

describe('how much one delivery may carry', () => {
  it(`stores an issue opened with GitHub's maximum of ${GITHUB_MAX_LABELS} labels, one fact per label, and writes it back`, async () => {
    const ids = uniqueIds();
    const labels = Array.from({ length: GITHUB_MAX_LABELS }, (_, i) => `area ${i}`);
    const res = await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), labels }));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted' });
    expect(await factCount(ticketKey(ids.issueId))).toBe(GITHUB_MAX_LABELS);
    const row = await settled(ticketKey(ids.issueId));
    expect(JSON.parse(row.evaluation).priority).toMatch(/\S/);
  });

  it('refuses an issue with more labels than GitHub allows, naming the field, and stores nothing', async () => {
    const before = await rowCounts();
    const ids = uniqueIds();
    const payload = onIssue(example('issues', 'opened'), ids, { createdAt: recent() });
    payload.issue.labels = Array.from({ length: GITHUB_MAX_LABELS + 1 }, (_, i) => ({ name: `l${i}` }));
    const res = await deliver('issues', payload);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid-payload', problems: [{ path: 'issue.labels', message: expect.stringContaining(String(GITHUB_MAX_LABELS)) }] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it(`refuses a delivery carrying more than ${MAX_FACTS_PER_DELIVERY} facts whatever its host, before storing any of it`, async () => {
    const before = await rowCounts();
    const ids = uniqueIds();
    const adapter = adapterFor('github')!;
    const payload = onIssue(example('issues', 'opened'), ids, { createdAt: recent() });
    const parsed = adapter.parse({ id: deliveryId(), event: 'issues' }, payload);
    if (!parsed.ok || parsed.value.kind !== 'ticket') throw new Error('expected a ticket');
    const facts = Array.from({ length: MAX_FACTS_PER_DELIVERY + 1 }, (_, i) => ({
      eventKey: `comment:${i}`,
      at: recent(),
      data: { kind: 'closed' },
    }));
    const outcome = await acceptDelivery(
      env,
      adapter,
      adapter.readConfig(env),
      { id: deliveryId(), event: 'issues' },
      { ...parsed.value, facts },
      Date.now(),
    );
    expect(outcome).toMatchObject({
      status: 'refused',
      issue: { code: 'too-many-facts', detail: expect.stringContaining(`at most ${MAX_FACTS_PER_DELIVERY}`) },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('retires the tickets of thousands of repositories removed in one delivery', async () => {
    const installationId = 700_000 + Math.floor(Math.random() * 90_000);
    const kept = uniqueIds();
    const gone = uniqueIds();
    for (const ids of [kept, gone])
      await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent(), installationId }));
    await settled(ticketKey(gone.issueId));
    await settled(ticketKey(kept.issueId));
    const removed = example('installation_repositories', 'removed');
    removed.installation.id = installationId;
    removed.repositories_removed = [
      ...Array.from({ length: 3_000 }, (_, i) => ({ id: 3_000_000_000 + i, full_name: `Codertocat/r${i}` })),
      { id: gone.repoId, full_name: `${gone.owner}/${gone.repo}` },
    ];
    expect(await (await deliver('installation_repositories', removed)).json()).toMatchObject({ status: 'accepted' });
    expect(await ticketRow(ticketKey(gone.issueId))).toMatchObject({ status: 'retired', next_check_at: null });
    expect(await ticketRow(ticketKey(kept.issueId))).toMatchObject({ status: 'open' });
  });
});
