import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/src/index.js';
import { deliver, example, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { issueState } from './support/stand-in.js';
import { settled, ticketKey, ticketRow } from './support/storage.js';

/** Hands a batch to the consumer directly, as the queue would, and reports acks and retries. */
async function consume(messages: { ticketKey: string; version: number }[]) {
  const batch = createMessageBatch(
    'plazo-write-back',
    messages.map((body, i) => ({
      id: `m-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts: 1,
      body: { ...body, evaluateAt: Date.now(), reason: 'delivery' },
    })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, env);
  return getQueueResult(batch, ctx);
}

describe('the write-back queue', () => {
  it('lets one consumer write a ticket back at a time; the other retries later and finds nothing left to do', async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const key = ticketKey(ids.issueId);
    await settled(key);
    // A new version nobody has written back yet, claimed by two consumers at once.
    const bumped = await env.DB.prepare('UPDATE tickets SET version = version + 1 WHERE key = ?1 RETURNING version')
      .bind(key)
      .first<{ version: number }>();
    const [a, b] = await Promise.all([
      consume([{ ticketKey: key, version: bumped!.version }]),
      consume([{ ticketKey: key, version: bumped!.version }]),
    ]);
    const retried = [...a.retryMessages, ...b.retryMessages];
    const acked = [...a.explicitAcks, ...b.explicitAcks];
    expect(acked.length + retried.length).toBe(2);
    expect(retried.length).toBeLessThanOrEqual(1);
    expect((await ticketRow(key))!.applied_version).toBe(bumped!.version);
    // Whoever comes second, now or on its retry, skips a version already applied.
    await consume([{ ticketKey: key, version: bumped!.version }]);
    expect((await issueState(ids)).comments).toHaveLength(1);
  });

  it('collapses jobs for one ticket in a batch into the newest, and drops malformed jobs', async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const key = ticketKey(ids.issueId);
    const row = await settled(key);
    await env.DB.prepare('UPDATE tickets SET version = version + 2 WHERE key = ?1').bind(key).run();
    const result = await consume([
      { ticketKey: key, version: row.version + 1 },
      { ticketKey: key, version: row.version + 2 },
      { ticketKey: '', version: -1 },
    ]);
    expect(result.explicitAcks).toHaveLength(3);
    expect((await ticketRow(key))!.applied_version).toBe(row.version + 2);
  });

  it('recovers a write-back whose job was lost: the cron finds the ticket by its safety check', async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const key = ticketKey(ids.issueId);
    await settled(key);
    // As if a delivery had been stored but its queue message never sent.
    const lost = await env.DB.prepare(
      'UPDATE tickets SET version = version + 1, next_check_at = ?2 WHERE key = ?1 RETURNING version, next_check_at',
    )
      .bind(key, Date.now() + 120_000)
      .first<{ version: number; next_check_at: number }>();
    const { createScheduledController } = await import('cloudflare:test');
    await worker.scheduled(createScheduledController({ scheduledTime: lost!.next_check_at + 1000, cron: '* * * * *' }), env);
    const row = await settled(key);
    expect(row.applied_version).toBeGreaterThanOrEqual(lost!.version);
  });

  it('moves a transferred issue to its new repository with its history', async () => {
    const ids = uniqueIds();
    // One creation instant for both deliveries: two calls to recent() differ when a second ticks over between them.
    const createdAt = recent();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt }));
    await settled(ticketKey(ids.issueId));
    const target = uniqueIds();
    const transferred = onIssue(example('issues', 'transferred'), ids, { createdAt });
    transferred.changes.new_issue = {
      ...transferred.changes.new_issue,
      id: target.issueId,
      number: target.number,
      created_at: transferred.issue.created_at,
      updated_at: transferred.issue.created_at,
      labels: [],
    };
    transferred.changes.new_repository = {
      ...transferred.changes.new_repository,
      id: target.repoId,
      name: target.repo,
      full_name: `${target.owner}/${target.repo}`,
    };
    expect(await (await deliver('issues', transferred)).json()).toMatchObject({ status: 'accepted', ticket: ticketKey(target.issueId) });
    expect(await ticketRow(ticketKey(ids.issueId))).toMatchObject({ status: 'retired' });
    const moved = await settled(ticketKey(target.issueId));
    expect(moved.created_at).toBe(transferred.issue.created_at);
    expect((await issueState(target)).comments).toHaveLength(1);
  });
});
