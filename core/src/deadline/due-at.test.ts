import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { compileCalendar } from '../calendar/compile-calendar.js';
import { toZonedIso } from '../calendar/to-zoned-iso.js';
import { builtInPolicies } from '../policies/built-in-policies.js';
import type { Policy, Target } from '../policy/policy-schema.js';
import { dueAt } from './due-at.js';

type Row = { policy: string; priority: string | null; target: 'firstResponse' | 'resolution'; created: string; due: string | null };

/**
 * Every row of the target tables in policies.md, hand-computed from a Monday 10:00 in the policy's
 * zone (2 March 2026: no holiday in CO, CL or PT that week). null = the policy sets no target.
 */
const rows: Row[] = [
  // peewah, 08:00–17:00 Bogota (a business day is 9 h)
  { policy: 'peewah', priority: 'alta', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-02T10:30:00-05:00' },
  { policy: 'peewah', priority: 'alta', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-03T10:00:00-05:00' },
  { policy: 'peewah', priority: 'media', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-02T14:00:00-05:00' },
  { policy: 'peewah', priority: 'media', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-05T10:00:00-05:00' },
  { policy: 'peewah', priority: 'baja', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-03T10:00:00-05:00' },
  { policy: 'peewah', priority: 'baja', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-09T10:00:00-05:00' },
  // skedu, 09:00–18:00 at a fixed UTC−4, no priorities
  { policy: 'skedu', priority: null, target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-03T10:00:00-04:00' },
  { policy: 'skedu', priority: null, target: 'resolution', created: '2026-03-02T10:00', due: null },
  // websaas, 07:00–17:30 Bogota (a business day is 10.5 h)
  { policy: 'websaas', priority: 'urgente', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-02T11:00:00-05:00' },
  { policy: 'websaas', priority: 'urgente', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-02T14:00:00-05:00' },
  { policy: 'websaas', priority: 'importante', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-02T11:00:00-05:00' },
  { policy: 'websaas', priority: 'importante', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-03T15:30:00-05:00' },
  { policy: 'websaas', priority: 'normal', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-02T11:00:00-05:00' },
  { policy: 'websaas', priority: 'normal', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-03T15:30:00-05:00' },
  // soporte-justo: no open hours, no targets
  ...(['baja', 'media', 'alta'] as const).flatMap((priority) =>
    (['firstResponse', 'resolution'] as const).map(
      (target): Row => ({ policy: 'soporte-justo', priority, target, created: '2026-03-02T10:00', due: null }),
    ),
  ),
  // infraspeak, 09:00–21:00 Lisbon (a business day is 12 h)
  { policy: 'infraspeak', priority: 'urgente', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-02T14:00:00+00:00' },
  { policy: 'infraspeak', priority: 'urgente', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-04T10:00:00+00:00' },
  { policy: 'infraspeak', priority: 'alta', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-03T10:00:00+00:00' },
  { policy: 'infraspeak', priority: 'alta', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-04T10:00:00+00:00' },
  { policy: 'infraspeak', priority: 'media', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-03T10:00:00+00:00' },
  { policy: 'infraspeak', priority: 'media', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-04T10:00:00+00:00' },
  { policy: 'infraspeak', priority: 'baja', target: 'firstResponse', created: '2026-03-02T10:00', due: '2026-03-04T10:00:00+00:00' },
  { policy: 'infraspeak', priority: 'baja', target: 'resolution', created: '2026-03-02T10:00', due: '2026-03-04T10:00:00+00:00' },
];

function policy(id: string): Policy {
  const p = builtInPolicies.get(id);
  if (!p) throw new Error(`no policy ${id}`);
  return p;
}

function targetOf(p: Policy, priority: string | null, name: 'firstResponse' | 'resolution'): Target | null {
  const own = priority === null ? undefined : p.priorities.find((x) => x.id === priority)?.targets;
  return (own ?? p.targets)[name] ?? null;
}

const calendars = new Map<string, BusinessCalendar | null>();
function calendarOf(p: Policy): BusinessCalendar | null {
  if (!calendars.has(p.id)) {
    const r = p.calendar ? compileCalendar(p.calendar) : null;
    if (r && !r.ok) throw new Error(r.issue.detail);
    calendars.set(p.id, r ? r.value : null);
  }
  return calendars.get(p.id)!;
}

describe('dueAt on the real policies: every row of the tables in policies.md', () => {
  it('covers every priority and target of every built-in policy', () => {
    const covered = new Set(rows.map((r) => `${r.policy}/${r.priority}/${r.target}`));
    for (const p of builtInPolicies.values()) {
      const priorities = p.priorities.length > 0 ? p.priorities.map((x) => x.id as string) : [null];
      for (const priority of priorities)
        for (const t of ['firstResponse', 'resolution']) expect(covered).toContain(`${p.id}/${priority}/${t}`);
    }
  });

  it.each(rows)('$policy $priority $target: created $created, due $due', ({ policy: id, priority, target, created, due }) => {
    const p = policy(id);
    const t = targetOf(p, priority, target);
    if (due === null) {
      expect(t).toBeNull();
      return;
    }
    expect(t).not.toBeNull();
    const cal = calendarOf(p);
    const zone = cal?.zone ?? 'UTC';
    const r = dueAt(t!, DateTime.fromISO(created, { zone }).toMillis(), cal);
    expect(r.ok && toZonedIso(r.value, zone)).toBe(due);
  });
});

describe('dueAt', () => {
  const peewah = policy('peewah');
  const cal = calendarOf(peewah)!;
  const alta = targetOf(peewah, 'alta', 'firstResponse')!;
  const altaResolution = targetOf(peewah, 'alta', 'resolution')!;

  it('counts a calendar target as plain elapsed time, also on a Saturday night', () => {
    const start = DateTime.fromISO('2026-03-07T22:50', { zone: cal.zone }).toMillis();
    const r = dueAt(alta, start, cal);
    expect(r.ok && toZonedIso(r.value, cal.zone)).toBe('2026-03-07T23:20:00-05:00');
  });

  it('needs no calendar for a calendar target', () => {
    expect(dueAt(alta, Date.UTC(2026, 2, 7, 12), null)).toEqual({ ok: true, value: Date.UTC(2026, 2, 7, 12, 30) });
  });

  it('fails with needs-calendar for a business target without a calendar', () => {
    const r = dueAt(altaResolution, Date.UTC(2026, 2, 2, 15), null);
    expect(!r.ok && r.issue.code).toBe('needs-calendar');
  });

  it('answers from 1970 to 2100, compiling each decade when first asked', () => {
    const r1975 = dueAt(altaResolution, DateTime.fromISO('1975-03-03T10:00', { zone: cal.zone }).toMillis(), cal);
    expect(r1975.ok && toZonedIso(r1975.value, cal.zone)).toBe('1975-03-04T10:00:00-05:00');
    const r2045 = dueAt(altaResolution, DateTime.fromISO('2045-03-02T10:00', { zone: cal.zone }).toMillis(), cal);
    expect(r2045.ok && toZonedIso(r2045.value, cal.zone)).toBe('2045-03-03T10:00:00-05:00');
  });

  it('fails with outside-calendar beyond 2100, naming the years calendars cover', () => {
    expect(dueAt(altaResolution, Date.UTC(2101, 2, 2, 15), cal)).toEqual({
      ok: false,
      issue: {
        code: 'outside-calendar',
        detail: 'the deadline from 2101-03-02T15:00:00.000Z falls outside the years the business calendar covers (1970–2100)',
      },
    });
    // Friday 31 December 2100 16:00 + 1 business day runs into 2101.
    const r = dueAt(altaResolution, DateTime.fromISO('2100-12-31T16:00', { zone: cal.zone }).toMillis(), cal);
    expect(!r.ok && r.issue.code).toBe('outside-calendar');
  });
});
