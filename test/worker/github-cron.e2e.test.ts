import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/src/index.js';
import { DUE_TICKETS_SQL } from '../../worker/src/store/tickets.js';
import { deliver, example, githubTime, onIssue, uniqueIds } from './support/github-deliveries.js';
import { issueState } from './support/stand-in.js';
import { settled, ticketKey } from './support/storage.js';

/** Runs the cron as Cloudflare would at `scheduledTime`: time is passed in, never waited for. */
async function runCron(scheduledTime: number): Promise<void> {
  await worker.scheduled(createScheduledController({ scheduledTime, cron: '* * * * *' }), env);
}

describe('the SLA cron', () => {
  it('turns an issue at risk and then breached as its thresholds pass', async () => {
    const ids = uniqueIds();
    const createdAt = githubTime();
    await deliver('issues', onIssue(example('issues', 'opened'), ids, { createdAt, title: 'No puedo descargar el reporte de asistentes' }));
    const key = ticketKey(ids.issueId);
    const first = await settled(key);
    const start = JSON.parse(first.evaluation);
    const target = start.sla.firstResponse ?? start.sla.resolution;
    expect(target.state).toBe('running');
    expect((await issueState(ids)).labels.some((l) => l.startsWith('sla: '))).toBe(false);
    expect(first.next_check_at).toBe(Date.parse(start.nextCheckAt));

    // At the at-risk threshold.
    const atRiskAt = Date.parse(target.nextThresholdAt) + 1000;
    await runCron(atRiskAt);
    const risky = await settled(key);
    expect(JSON.parse(risky.evaluation).sla[target.target].state).toBe('at-risk');
    expect(risky.sla_state).toBe('at-risk');
    let state = await issueState(ids);
    expect(state.labels).toContain('sla: at risk');
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain('at risk');

    // At the deadline.
    const breachAt = Date.parse(JSON.parse(risky.evaluation).sla[target.target].nextThresholdAt) + 1000;
    await runCron(breachAt);
    const late = await settled(key);
    expect(JSON.parse(late.evaluation).sla[target.target].state).toBe('breached');
    state = await issueState(ids);
    expect(state.labels).toContain('sla: breached');
    expect(state.labels).not.toContain('sla: at risk');
    expect(state.comments).toHaveLength(1);

    // Nothing due: the cron queues nothing and the issue stays as it is.
    await runCron(breachAt);
    await settled(key);
    expect((await issueState(ids)).comments).toHaveLength(1);
  });

  it('finds due tickets through the partial index, not by scanning all tickets', async () => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${DUE_TICKETS_SQL}`).bind(Date.now(), 10).all<{ detail: string }>();
    const plan = results.map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX tickets_due/);
    expect(plan).not.toMatch(/SCAN tickets(?! USING)/);
  });
});
