import { createScheduledController } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/src/index.js';
import { deliver, example, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { addFault, issueState, repoPath, requestLog } from './support/stand-in.js';
import { admin, eventually, settled, ticketKey, ticketRow, writeBacks } from './support/storage.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type FailedJob = { id: number; ticketKey: string; attempts: number; error: string; code: string; permanent: boolean };

/** The open failed job of a ticket, as the admin API lists it, once the consumer has recorded it. */
function failedJobOf(key: string): Promise<FailedJob> {
  return eventually(async () => {
    const body = (await (await exports.default.fetch(admin('/api/v1/failed-jobs'))).json()) as { failedJobs: FailedJob[] };
    return body.failedJobs.find((f) => f.ticketKey === key);
  });
}

/** A permanent failure is parked: the cron never claims the ticket again, not even past the half hour a failure used to wait. */
async function expectParked(key: string) {
  const row = (await ticketRow(key))!;
  expect(row.next_check_at).toBeNull();
  expect(row.lease_until).toBeNull();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now() + 31 * 60_000, cron: '* * * * *' }), env);
  expect((await ticketRow(key))!.version).toBe(row.version);
}

describe('write-back when GitHub fails', () => {
  it('waits for Retry-After on a 429 and then applies the write-back once', async () => {
    const ids = uniqueIds();
    await addFault({
      method: 'POST',
      path: `^${escapeRegExp(repoPath(ids))}issues/\\d+/comments$`,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    const started = Date.now();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const row = await settled(ticketKey(ids.issueId));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    const wb = await writeBacks(row.key);
    expect(wb.map((w) => w.status)).toEqual(['retrying', 'applied']);
    expect(wb[0]!.error).toMatch(/rate limit \(429\)/);
  });

  it('retries a 500 within the request and a timeout, without duplicating anything', async () => {
    const ids = uniqueIds();
    await addFault({ method: 'POST', path: `^${escapeRegExp(repoPath(ids))}issues/\\d+/labels$`, status: 500, times: 1 });
    await addFault({ method: 'GET', path: `^${escapeRegExp(repoPath(ids))}labels$`, status: 200, hang: true, times: 1 });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    await settled(ticketKey(ids.issueId));
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    expect(state.labels.filter((l) => l.startsWith('priority: '))).toHaveLength(1);
    const adds = (await requestLog()).requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith(repoPath(ids)) && r.path.endsWith('/labels') && r.path.includes('/issues/'),
    );
    expect(adds.map((r) => r.status)).toEqual([500, 200]);
    const lists = (await requestLog()).requests.filter((r) => r.method === 'GET' && r.path === `${repoPath(ids)}labels`);
    expect(lists.map((r) => r.status).sort()).toEqual([0, 200]);
  });

  it('records a job that keeps failing, lists it, and applies it when retried through the API', async () => {
    const ids = uniqueIds();
    await addFault({ method: 'POST', path: `^${escapeRegExp(repoPath(ids))}issues/\\d+/comments$`, status: 502, times: 9 });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const key = ticketKey(ids.issueId);
    const failed = await failedJobOf(key);
    expect(failed).toMatchObject({ attempts: 3, code: 'host-unavailable', permanent: false });
    expect(failed.error).toMatch(/502/);
    // An outage may end: the cron looks at the ticket again later.
    expect((await ticketRow(key))!.next_check_at).toBeGreaterThan(Date.now());
    expect((await issueState(ids)).comments).toHaveLength(0);

    // The fault is used up (3 tries × 3 requests); a retry now goes through.
    const retry = await exports.default.fetch(admin(`/api/v1/failed-jobs/${failed.id}/retry`, { method: 'POST' }));
    expect(retry.status).toBe(202);
    await settled(key);
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    const again = await exports.default.fetch(admin(`/api/v1/failed-jobs/${failed.id}/retry`, { method: 'POST' }));
    expect(again.status).toBe(404);
  });

  it('does not retry a change GitHub refuses for good (403 without rate limit), neither from the queue nor from the cron', async () => {
    const ids = uniqueIds();
    await addFault({
      method: 'POST',
      path: `^${escapeRegExp(repoPath(ids))}issues/\\d+/labels$`,
      status: 403,
      times: 5,
      body: { message: 'Resource not accessible by integration' },
    });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const key = ticketKey(ids.issueId);
    const failed = await failedJobOf(key);
    expect(failed).toMatchObject({ attempts: 1, code: 'host-refused', permanent: true });
    expect(failed.error).toMatch(/403.*Resource not accessible/);
    await expectParked(key);
    expect((await failedJobOf(key)).attempts).toBe(1);
  });

  it('records a ticket the core cannot evaluate once, with its named problem, and never retries it', async () => {
    const ids = uniqueIds();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: '1900-01-02T10:00:00Z' }));
    const key = ticketKey(ids.issueId);
    const failed = await failedJobOf(key);
    expect(failed).toMatchObject({ attempts: 1, code: 'outside-calendar', permanent: true });
    expect(failed.error).toMatch(/1900|calendar/);
    await expectParked(key);
    expect((await failedJobOf(key)).attempts).toBe(1);
    expect((await requestLog()).requests.filter((r) => r.method !== 'GET' && r.path.startsWith(repoPath(ids)))).toEqual([]);
  });
});
