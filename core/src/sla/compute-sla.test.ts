import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile-calendar.js';
import { targetStatusSchema } from '../evaluation/evaluation-schema.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import { computeSla } from './compute-sla.js';

const infraspeak = builtInPolicies.get('infraspeak')!;
const compiled = compileCalendar(infraspeak.calendar!);
if (!compiled.ok) throw new Error(compiled.issue.detail);
const cal = compiled.value;
const ms = (local: string) => DateTime.fromISO(local, { zone: cal.zone }).toMillis();
const urgente = infraspeak.priorities.find((p) => p.id === 'urgente')!.targets!;

describe('computeSla', () => {
  const input = {
    calendar: cal,
    targets: { firstResponse: urgente.firstResponse ?? null, resolution: urgente.resolution ?? null },
    timeline: [{ type: 'reply' as const, at: '2026-03-30T11:00:00+01:00', public: true, byAgent: true }],
    createdAtMs: ms('2026-03-27T19:00'),
    nowMs: ms('2026-03-30T12:00'),
    settings: infraspeak.sla,
  };

  it('gives both targets as TargetStatus with ISO instants in the policy zone, across Lisbon’s spring change', () => {
    const r = computeSla(input);
    if (!r.ok) throw new Error(r.issue.detail);
    // Friday 19:00 WET: 2 h on Friday, so the 4-hour first response is due Monday 11:00 WEST and met at 11:00 — late.
    expect(r.value.firstResponse).toEqual({
      target: 'firstResponse',
      clock: 'business',
      targetMs: 4 * 3_600_000,
      dueAt: '2026-03-30T11:00:00+01:00',
      state: 'breached',
      remainingMs: 0,
      metAt: '2026-03-30T11:00:00+01:00',
      nextThresholdAt: null,
    });
    // 24 h: 2 on Friday, 12 on Monday, 10 on Tuesday → Tuesday 19:00; at risk with 6 h left: Tuesday 13:00.
    expect(r.value.resolution).toMatchObject({
      state: 'running',
      dueAt: '2026-03-31T19:00:00+01:00',
      nextThresholdAt: '2026-03-31T13:00:00+01:00',
      metAt: null,
    });
    expect(r.value.nextCheckAt).toBe('2026-03-31T13:00:00+01:00');
    for (const s of [r.value.firstResponse, r.value.resolution]) expect(targetStatusSchema.safeParse(s).success).toBe(true);
  });

  it('gives null statuses and no next check when the priority has no targets', () => {
    expect(computeSla({ ...input, targets: { firstResponse: null, resolution: null } })).toEqual({
      ok: true,
      value: { firstResponse: null, resolution: null, nextCheckAt: null },
    });
  });

  it('takes the earlier next threshold of the two targets', () => {
    const r = computeSla({ ...input, timeline: [], nowMs: ms('2026-03-30T09:30') });
    expect(r.ok && r.value.nextCheckAt).toBe('2026-03-30T10:00:00+01:00');
    expect(r.ok && r.value.firstResponse?.state).toBe('running');
  });

  it('writes instants in another zone when asked', () => {
    const r = computeSla({ ...input, timeline: [], nowMs: ms('2026-03-30T09:30'), zone: 'UTC' });
    expect(r.ok && r.value.firstResponse?.dueAt).toBe('2026-03-30T10:00:00Z');
    expect(r.ok && r.value.nextCheckAt).toBe('2026-03-30T09:00:00Z');
  });
});
