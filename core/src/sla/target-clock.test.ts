import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { compileCalendar } from '../calendar/compile-calendar.js';
import { toZonedIso } from '../calendar/to-zoned-iso.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import type { Target } from '../policy/policy-schema.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';
import { type TargetClockInput, targetClock } from './target-clock.js';

const H = 3_600_000;
const peewah = builtInPolicies.get('peewah')!;
const compiled = compileCalendar(peewah.calendar!);
if (!compiled.ok) throw new Error(compiled.issue.detail);
const cal: BusinessCalendar = compiled.value;

const ms = (local: string) => DateTime.fromISO(local, { zone: cal.zone }).toMillis();
const iso = (local: string) => DateTime.fromISO(local, { zone: cal.zone }).toISO()!;
const show = (t: number | null) => (t === null ? null : toZonedIso(t, cal.zone));
const reply = (local: string, byAgent = true, isPublic = true): TimelineEvent => ({
  type: 'reply',
  at: iso(local),
  byAgent,
  public: isPublic,
});
const status = (local: string, s: string): TimelineEvent => ({ type: 'status', at: iso(local), status: s });
const solved = (local: string): TimelineEvent => ({ type: 'solved', at: iso(local) });
const reopened = (local: string): TimelineEvent => ({ type: 'reopened', at: iso(local) });

// Peewah media: first response 4 business hours, resolution 3 business days (27 h).
const media = peewah.priorities.find((p) => p.id === 'media')!.targets!;
const firstResponse = media.firstResponse as Target;
const resolution = media.resolution as Target;

function clock(name: 'firstResponse' | 'resolution', now: string, timeline: TimelineEvent[] = [], extra: Partial<TargetClockInput> = {}) {
  const r = targetClock({
    name,
    target: name === 'firstResponse' ? firstResponse : resolution,
    calendar: cal,
    timeline,
    createdAtMs: ms('2026-03-02T10:00'),
    nowMs: ms(now),
    settings: peewah.sla,
    ...extra,
  });
  if (!r.ok) throw new Error(r.issue.detail);
  return {
    ...r.value,
    due: show(r.value.dueMs),
    metAt: show(r.value.metAtMs),
    next: show(r.value.nextThresholdMs),
    remainingH: r.value.remainingMs / H,
  };
}

describe('targetClock: running, at risk, breached', () => {
  it('runs with the remaining business time and the at-risk instant as next threshold', () => {
    const c = clock('firstResponse', '2026-03-02T11:00');
    expect([c.state, c.remainingH, c.due, c.next]).toEqual(['running', 3, '2026-03-02T14:00:00-05:00', '2026-03-02T13:00:00-05:00']);
  });

  it('is at risk from the instant 25 % of the target is left, with the due instant as next threshold', () => {
    expect(clock('firstResponse', '2026-03-02T12:59:59.999').state).toBe('running');
    const c = clock('firstResponse', '2026-03-02T13:00');
    expect([c.state, c.remainingH, c.next]).toEqual(['at-risk', 1, '2026-03-02T14:00:00-05:00']);
  });

  it('follows the policy’s own at-risk ratio', () => {
    const c = clock('firstResponse', '2026-03-02T12:00', [], { settings: { pauseStatuses: [], atRiskRemainingRatio: 0.5 } });
    expect([c.state, c.remainingH]).toEqual(['at-risk', 2]);
  });

  it('is breached from the due instant on (remaining ≤ 0), and goes negative while open hours pass', () => {
    expect(clock('firstResponse', '2026-03-02T14:00')).toMatchObject({ state: 'breached', remainingH: 0, next: null });
    expect(clock('firstResponse', '2026-03-02T15:30')).toMatchObject({ state: 'breached', remainingH: -1.5 });
  });

  it('is breached overnight after a deadline at closing time although no business time passes', () => {
    const baja = peewah.priorities.find((p) => p.id === 'baja')!.targets!.firstResponse as Target;
    const c = clock('firstResponse', '2026-03-02T20:00', [], { target: baja, createdAtMs: ms('2026-03-02T08:00') });
    expect([c.due, c.state, c.remainingH]).toEqual(['2026-03-02T17:00:00-05:00', 'breached', 0]);
  });

  it('gives the at-risk instant in business time across the night', () => {
    // 27 h from Monday 10:00; at risk when 6.75 h are left: after 20.25 h, i.e. Wednesday 12:15.
    const c = clock('resolution', '2026-03-02T11:00');
    expect([c.state, c.due, c.next]).toEqual(['running', '2026-03-05T10:00:00-05:00', '2026-03-04T12:15:00-05:00']);
  });
});

describe('targetClock: first response', () => {
  it('is met by the first public agent reply, with remaining 0 and no next threshold', () => {
    const c = clock('firstResponse', '2026-03-02T15:00', [reply('2026-03-02T12:00')]);
    expect([c.state, c.metAt, c.remainingMs, c.next]).toEqual(['met', '2026-03-02T12:00:00-05:00', 0, null]);
  });

  it('ignores internal notes and customer replies', () => {
    const c = clock('firstResponse', '2026-03-02T11:00', [reply('2026-03-02T10:30', true, false), reply('2026-03-02T10:40', false)]);
    expect([c.state, c.metAt]).toEqual(['running', null]);
  });

  it('shows a reply after the due instant as breached, keeping when it was met', () => {
    const c = clock('firstResponse', '2026-03-02T16:00', [reply('2026-03-02T14:30')]);
    expect([c.state, c.metAt, c.remainingH]).toEqual(['breached', '2026-03-02T14:30:00-05:00', -0.5]);
  });

  it('counts a reply at exactly the due instant as late and one millisecond before as on time', () => {
    expect(clock('firstResponse', '2026-03-02T16:00', [reply('2026-03-02T14:00')]).state).toBe('breached');
    expect(clock('firstResponse', '2026-03-02T16:00', [reply('2026-03-02T13:59:59.999')]).state).toBe('met');
  });

  it('ignores events after now', () => {
    expect(clock('firstResponse', '2026-03-02T11:00', [reply('2026-03-02T12:00')]).state).toBe('running');
  });

  it('is not held by pause statuses (only the resolution clock is)', () => {
    const c = clock('firstResponse', '2026-03-02T13:00', [status('2026-03-02T11:00', 'pending')]);
    expect(c.state).toBe('at-risk');
  });

  it('is fulfilled when the ticket is solved without a reply', () => {
    expect(clock('firstResponse', '2026-03-02T15:00', [solved('2026-03-02T11:00')])).toMatchObject({
      state: 'met',
      metAt: '2026-03-02T11:00:00-05:00',
    });
  });
});

describe('targetClock: resolution with pauses and reopening', () => {
  it('stops while pending and resumes on another status: one day pending moves the deadline one business day', () => {
    const timeline = [status('2026-03-02T12:00', 'pending'), status('2026-03-03T12:00', 'open')];
    const c = clock('resolution', '2026-03-03T13:00', timeline);
    expect([c.state, c.remainingH, c.due]).toEqual(['running', 24, '2026-03-06T10:00:00-05:00']);
  });

  it('is paused with no next threshold, due as if the clock resumed now (here exactly at a closing instant)', () => {
    const c = clock('resolution', '2026-03-03T10:00', [status('2026-03-02T12:00', 'pending')]);
    expect([c.state, c.remainingH, c.due, c.next]).toEqual(['paused', 25, '2026-03-05T17:00:00-05:00', null]);
  });

  it('does not pause on statuses the policy does not list', () => {
    expect(clock('resolution', '2026-03-03T10:00', [status('2026-03-02T12:00', 'manufacturer')]).state).toBe('running');
    const websaas = { pauseStatuses: builtInPolicies.get('websaas')!.sla.pauseStatuses };
    expect(clock('resolution', '2026-03-03T10:00', [status('2026-03-02T12:00', 'manufacturer')], { settings: websaas }).state).toBe(
      'paused',
    );
  });

  it('is met when solved, ending a pause', () => {
    const c = clock('resolution', '2026-03-04T10:00', [status('2026-03-02T12:00', 'pending'), solved('2026-03-03T09:00')]);
    expect([c.state, c.metAt]).toEqual(['met', '2026-03-03T09:00:00-05:00']);
  });

  it('resumes where it stopped when reopened, and is met again at the next solve', () => {
    const timeline = [solved('2026-03-02T12:00'), reopened('2026-03-03T12:00')];
    const running = clock('resolution', '2026-03-03T13:00', timeline);
    expect([running.state, running.remainingH, running.metAt]).toEqual(['running', 24, null]);
    const again = clock('resolution', '2026-03-03T15:00', [...timeline, solved('2026-03-03T14:00')]);
    expect([again.state, again.metAt]).toEqual(['met', '2026-03-03T14:00:00-05:00']);
  });

  it('stays breached when paused after the deadline passed', () => {
    const alta = peewah.priorities.find((p) => p.id === 'alta')!.targets!.resolution as Target;
    const c = clock('resolution', '2026-03-04T10:00', [status('2026-03-03T11:00', 'pending')], { target: alta });
    expect([c.state, c.due, c.remainingH]).toEqual(['breached', '2026-03-03T10:00:00-05:00', -1]);
  });
});

describe('targetClock: clock start', () => {
  const websaas = builtInPolicies.get('websaas')!;
  const wc = compileCalendar(websaas.calendar!);
  if (!wc.ok) throw new Error(wc.issue.detail);
  const normal = websaas.priorities.find((p) => p.id === 'normal')!.targets!.firstResponse as Target;
  const urgent = websaas.priorities.find((p) => p.id === 'urgente')!.targets!.firstResponse as Target;
  const saturday = ms('2026-03-07T10:00');
  const mondayOpening = wc.value.nextOpening(saturday);

  it('starts an after-hours ticket at the next opening and counts a reply before it as met', () => {
    const base = {
      name: 'firstResponse' as const,
      target: normal,
      calendar: wc.value,
      createdAtMs: saturday,
      startMs: mondayOpening,
      settings: websaas.sla,
    };
    const waiting = targetClock({ ...base, timeline: [], nowMs: ms('2026-03-07T12:00') });
    expect(waiting.ok && [waiting.value.state, show(waiting.value.dueMs), show(waiting.value.nextThresholdMs)]).toEqual([
      'running',
      '2026-03-09T08:00:00-05:00',
      '2026-03-09T07:45:00-05:00',
    ]);
    const answered = targetClock({ ...base, timeline: [reply('2026-03-07T11:00')], nowMs: ms('2026-03-07T12:00') });
    expect(answered.ok && answered.value.state).toBe('met');
  });

  it('counts an urgent calendar target around the clock from creation', () => {
    const r = targetClock({
      name: 'firstResponse',
      target: urgent,
      calendar: wc.value,
      timeline: [],
      createdAtMs: saturday,
      nowMs: ms('2026-03-07T10:50'),
      settings: websaas.sla,
    });
    expect(r.ok && [r.value.state, show(r.value.dueMs), r.value.remainingMs]).toEqual([
      'at-risk',
      '2026-03-07T11:00:00-05:00',
      10 * 60_000,
    ]);
  });

  it('fails with needs-calendar for a business target without a calendar', () => {
    const r = targetClock({
      name: 'firstResponse',
      target: normal,
      calendar: null,
      timeline: [],
      createdAtMs: saturday,
      nowMs: saturday,
      settings: websaas.sla,
    });
    expect(!r.ok && r.issue.code).toBe('needs-calendar');
  });
});
