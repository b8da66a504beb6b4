import { exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { deliver, example, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { addFault, issueState, repoPath, requestLog } from './support/stand-in.js';
import { admin, settled, ticketKey, writeBacks } from './support/storage.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('write-back when GitHub fails', () => {
  it('waits for Retry-After on a 429 and then applies the write-back once', async () => {
    const ids = uniqueIds();
    await addFault({ method: 'POST', path: `^${escape(repoPath(ids))}issues/\\d+/comments$`, status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit' } });
    const started = Date.now();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const row = await settled(ticketKey(ids.issueId), 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    const wb = await writeBacks(row.key);
    expect(wb.map((w) => w.status)).toEqual(['retrying', 'applied']);
    expect(wb[0]!.error).toMatch(/rate limit \(429\)/);
  });

  it('retries a 500 within the request and a timeout, without duplicating anything', async () => {
    const ids = uniqueIds();
    await addFault({ method: 'POST', path: `^${escape(repoPath(ids))}issues/\\d+/labels$`, status: 500, times: 1 });
    await addFault({ method: 'GET', path: `^${escape(repoPath(ids))}labels$`, status: 200, delayMs: 2_000, times: 1, body: [] });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    await settled(ticketKey(ids.issueId), 20_000);
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    expect(state.labels.filter((l) => l.startsWith('priority: '))).toHaveLength(1);
    const adds = (await requestLog()).requests.filter((r) => r.method === 'POST' && r.path.startsWith(repoPath(ids)) && r.path.endsWith('/labels') && r.path.includes('/issues/'));
    expect(adds.map((r) => r.status)).toEqual([500, 200]);
  });

  it('records a job that keeps failing, lists it, and applies it when retried through the API', async () => {
    const ids = uniqueIds();
    await addFault({ method: 'POST', path: `^${escape(repoPath(ids))}issues/\\d+/comments$`, status: 502, times: 9 });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const key = ticketKey(ids.issueId);
    const failed = await vi.waitUntil(
      async () => {
        const res = await exports.default.fetch(admin('/api/v1/failed-jobs'));
        const body = (await res.json()) as { failedJobs: { id: number; ticketKey: string; attempts: number; error: string }[] };
        return body.failedJobs.find((f) => f.ticketKey === key);
      },
      { timeout: 25_000, interval: 100 },
    );
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/502/);
    expect((await issueState(ids)).comments).toHaveLength(0);

    // The fault is used up (3 tries × 3 requests); a retry now goes through.
    const retry = await exports.default.fetch(admin(`/api/v1/failed-jobs/${failed.id}/retry`, { method: 'POST' }));
    expect(retry.status).toBe(202);
    await settled(key, 20_000);
    const state = await issueState(ids);
    expect(state.comments).toHaveLength(1);
    const again = await exports.default.fetch(admin(`/api/v1/failed-jobs/${failed.id}/retry`, { method: 'POST' }));
    expect(again.status).toBe(404);
  });

  it('does not retry a change GitHub refuses for good (403 without rate limit)', async () => {
    const ids = uniqueIds();
    await addFault({ method: 'POST', path: `^${escape(repoPath(ids))}issues/\\d+/labels$`, status: 403, times: 5, body: { message: 'Resource not accessible by integration' } });
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt: recent() }));
    const key = ticketKey(ids.issueId);
    const failed = await vi.waitUntil(async () => {
      const body = (await (await exports.default.fetch(admin('/api/v1/failed-jobs'))).json()) as { failedJobs: { ticketKey: string; attempts: number }[] };
      return body.failedJobs.find((f) => f.ticketKey === key);
    });
    expect(failed.attempts).toBe(1);
  });
});
