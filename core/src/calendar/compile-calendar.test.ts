import fc from 'fast-check';
import { DateTime, type Zone } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { builtInPolicies } from '../policies/built-in-policies.js';
import type { CalendarSpec } from '../policy/policy-schema.js';
import type { BusinessCalendar } from './business-calendar.js';
import { compileCalendar } from './compile-calendar.js';
import { toZonedIso } from './to-zoned-iso.js';

const H = 3_600_000;
const M = 60_000;

function calendarOf(policyId: string): BusinessCalendar {
  const spec = builtInPolicies.get(policyId)?.calendar;
  if (!spec) throw new Error(`${policyId} has no calendar`);
  const r = compileCalendar(spec);
  if (!r.ok) throw new Error(r.issue.detail);
  return r.value;
}

const peewah = calendarOf('peewah');
const skedu = calendarOf('skedu');
const infraspeak = calendarOf('infraspeak');
const websaas = calendarOf('websaas');

/** Wall-clock time in the calendar's zone → epoch ms. */
const at = (cal: BusinessCalendar, local: string): number => DateTime.fromISO(local, { zone: cal.zone }).toMillis();
const iso = (cal: BusinessCalendar, ms: number): string => toZonedIso(ms, cal.zone);
const add = (cal: BusinessCalendar, local: string, ms: number): string => iso(cal, cal.addBusinessTime(at(cal, local), ms));

describe('compileCalendar: the examples of policies.md', () => {
  it('makes Monday 10:00 + 1 business day (08:00–17:00) due Tuesday 10:00', () => {
    expect(add(peewah, '2026-03-02T10:00', peewah.openDayMs)).toBe('2026-03-03T10:00:00-05:00');
  });

  it('makes a ticket created on Saturday with 1 business day due Monday 17:00, not Tuesday 08:00', () => {
    expect(add(peewah, '2026-03-07T11:00', peewah.openDayMs)).toBe('2026-03-09T17:00:00-05:00');
  });

  it('counts seconds: 10:00:30 + 60 business minutes is 11:00:30', () => {
    expect(add(peewah, '2026-03-02T10:00:30', 60 * M)).toBe('2026-03-02T11:00:30-05:00');
  });

  it('gives one open day as the length of the policy’s day: 9 h, 9 h, 10.5 h, 12 h', () => {
    expect([peewah, skedu, websaas, infraspeak].map((c) => c.openDayMs / H)).toEqual([9, 9, 10.5, 12]);
  });
});

describe('compileCalendar: opening and closing instants', () => {
  it('is open from the opening instant and closed from the closing instant (half-open)', () => {
    expect(peewah.isOpen(at(peewah, '2026-03-02T08:00'))).toBe(true);
    expect(peewah.isOpen(at(peewah, '2026-03-02T07:59:59.999'))).toBe(false);
    expect(peewah.isOpen(at(peewah, '2026-03-02T16:59:59.999'))).toBe(true);
    expect(peewah.isOpen(at(peewah, '2026-03-02T17:00'))).toBe(false);
  });

  it('is due at closing time when the target is used up exactly at closing', () => {
    expect(add(peewah, '2026-03-02T08:00', 9 * H)).toBe('2026-03-02T17:00:00-05:00');
    expect(add(peewah, '2026-03-02T16:00', 1 * H)).toBe('2026-03-02T17:00:00-05:00');
  });

  it('counts from the next opening for a ticket created at closing time or at night', () => {
    expect(add(peewah, '2026-03-02T17:00', 1 * H)).toBe('2026-03-03T09:00:00-05:00');
    expect(add(peewah, '2026-03-02T23:30', 1 * H)).toBe('2026-03-03T09:00:00-05:00');
    expect(add(peewah, '2026-03-02T17:00', 1)).toBe('2026-03-03T08:00:00.001-05:00');
  });

  it('gives the instant itself as the next opening while open, else the next opening', () => {
    expect(iso(peewah, peewah.nextOpening(at(peewah, '2026-03-02T08:00')))).toBe('2026-03-02T08:00:00-05:00');
    expect(iso(peewah, peewah.nextOpening(at(peewah, '2026-03-02T17:00')))).toBe('2026-03-03T08:00:00-05:00');
    expect(iso(peewah, peewah.nextOpening(at(peewah, '2026-03-06T18:00')))).toBe('2026-03-09T08:00:00-05:00');
  });

  it('returns the start itself when adding no business time', () => {
    expect(peewah.addBusinessTime(at(peewah, '2026-03-07T11:00'), 0)).toBe(at(peewah, '2026-03-07T11:00'));
  });

  it('counts no business time across a closed night and 9 hours across a whole open day', () => {
    expect(peewah.businessTimeBetween(at(peewah, '2026-03-02T17:00'), at(peewah, '2026-03-03T08:00'))).toBe(0);
    expect(peewah.businessTimeBetween(at(peewah, '2026-03-02T00:00'), at(peewah, '2026-03-03T00:00'))).toBe(9 * H);
    expect(peewah.businessTimeBetween(at(peewah, '2026-03-03T00:00'), at(peewah, '2026-03-02T00:00'))).toBe(-9 * H);
  });
});

describe('compileCalendar: holidays', () => {
  it('closes Colombia’s Reyes Magos on Monday 12 January 2026 (moved from Tuesday 6 January)', () => {
    expect(peewah.isOpen(at(peewah, '2026-01-06T10:00'))).toBe(true);
    expect(peewah.isOpen(at(peewah, '2026-01-12T10:00'))).toBe(false);
    // Friday 16:00 + 1 business day: 1 h on Friday, Monday is a holiday, 8 h on Tuesday.
    expect(add(peewah, '2026-01-09T16:00', peewah.openDayMs)).toBe('2026-01-13T16:00:00-05:00');
  });

  it('skips Colombia’s San José on Monday 23 March 2026 for a 4-hour target from Friday 15:00', () => {
    expect(add(peewah, '2026-03-20T15:00', 4 * H)).toBe('2026-03-24T10:00:00-05:00');
  });

  it('skips Chile’s Fiestas Patrias (Friday 18 and Saturday 19 September 2026) in Skedu’s fixed UTC−4', () => {
    // Thursday 14:00 + 9 h: 4 h on Thursday, then Monday 21 from 09:00.
    expect(add(skedu, '2026-09-17T14:00', 9 * H)).toBe('2026-09-21T14:00:00-04:00');
  });

  it('skips Portugal’s 10 June (Wednesday in 2026) for Infraspeak', () => {
    // Tuesday 15:00 WEST + 12 h: 6 h on Tuesday, 6 h on Thursday.
    expect(add(infraspeak, '2026-06-09T15:00', 12 * H)).toBe('2026-06-11T15:00:00+01:00');
  });

  it('closes the dates an admin adds and opens the holidays an admin removes', () => {
    const base = builtInPolicies.get('peewah')!.calendar!;
    const spec: CalendarSpec = { ...base, holidays: { country: 'CO', add: ['2026-03-03'], remove: ['2026-03-23'] } };
    const r = compileCalendar(spec);
    if (!r.ok) throw new Error(r.issue.detail);
    expect(r.value.isOpen(at(r.value, '2026-03-03T10:00'))).toBe(false);
    expect(r.value.isOpen(at(r.value, '2026-03-23T10:00'))).toBe(true);
  });
});

describe('compileCalendar: Lisbon’s DST changes (last Sundays of March and October)', () => {
  it('follows wall-clock hours over the spring change: Friday 15:00 WET + 12 h is Monday 15:00 WEST', () => {
    expect(add(infraspeak, '2026-03-27T15:00', 12 * H)).toBe('2026-03-30T15:00:00+01:00');
    expect(iso(infraspeak, infraspeak.nextOpening(at(infraspeak, '2026-03-28T12:00')))).toBe('2026-03-30T09:00:00+01:00');
  });

  it('follows wall-clock hours over the autumn change: Friday 15:00 WEST + 12 h is Monday 15:00 WET', () => {
    expect(add(infraspeak, '2026-10-23T15:00', 12 * H)).toBe('2026-10-26T15:00:00+00:00');
  });

  it('counts 23 real hours on the spring Sunday and 25 on the autumn Sunday when open all day', () => {
    const spec: CalendarSpec = {
      zone: 'Europe/Lisbon',
      week: [{ day: 7, open: '00:00', close: '24:00' }],
      holidays: { add: [], remove: [] },
    };
    const r = compileCalendar(spec);
    if (!r.ok) throw new Error(r.issue.detail);
    const cal = r.value;
    expect(cal.businessTimeBetween(at(cal, '2026-03-29T00:00'), at(cal, '2026-03-30T00:00'))).toBe(23 * H);
    expect(cal.businessTimeBetween(at(cal, '2026-10-25T00:00'), at(cal, '2026-10-26T00:00'))).toBe(25 * H);
    // An interval crossing the change: Sunday 00:30 + 2 h of open time is 03:30 WEST.
    expect(add(cal, '2026-03-29T00:30', 2 * H)).toBe('2026-03-29T03:30:00+01:00');
    expect(cal.openDayMs).toBe(24 * H);
  });
});

describe('compileCalendar: fixed offsets', () => {
  it('keeps Skedu at −04:00 in January and July', () => {
    expect(add(skedu, '2026-01-05T10:00', 9 * H)).toBe('2026-01-06T10:00:00-04:00');
    expect(add(skedu, '2026-07-06T10:00', 9 * H)).toBe('2026-07-07T10:00:00-04:00');
  });

  it('compiles "UTC-4" and "Etc/GMT+4" to the same instants', () => {
    const r = compileCalendar({ ...builtInPolicies.get('skedu')!.calendar!, zone: 'Etc/GMT+4' });
    if (!r.ok) throw new Error(r.issue.detail);
    const start = at(skedu, '2026-09-17T14:00');
    expect(r.value.addBusinessTime(start, 9 * H)).toBe(skedu.addBusinessTime(start, 9 * H));
  });
});

describe('compileCalendar: failures as values', () => {
  const base = builtInPolicies.get('peewah')!.calendar!;
  const code = (spec: CalendarSpec, range?: { fromYear: number; toYear: number }) => {
    const r = compileCalendar(spec, range);
    return r.ok ? 'ok' : r.issue.code;
  };

  it('fails with unknown-zone, unknown-country, year-out-of-range and invalid-date', () => {
    expect(code({ ...base, zone: 'Bogota' })).toBe('unknown-zone');
    expect(code({ ...base, holidays: { country: 'XX', add: [], remove: [] } })).toBe('unknown-country');
    expect(code({ ...base, holidays: { country: 'constructor', add: [], remove: [] } })).toBe('unknown-country');
    expect(code(base, { fromYear: 1969, toYear: 2026 })).toBe('year-out-of-range');
    expect(code({ ...base, holidays: { country: 'CO', add: ['2026-02-30'], remove: [] } })).toBe('invalid-date');
  });

  it('names the years calendars cover when asked for others', () => {
    for (const spec of [base, { ...base, holidays: { add: [], remove: [] } }]) {
      expect(compileCalendar(spec, { fromYear: 2026, toYear: 2101 })).toEqual({
        ok: false,
        issue: { code: 'year-out-of-range', detail: 'cannot compile years 2026–2101: calendars cover the years 1970–2100' },
      });
    }
    expect(code(base, { fromYear: 1970, toYear: 2100 })).toBe('ok');
  });

  it('answers NaN for deadlines beyond the compiled years', () => {
    const r = compileCalendar(base, { fromYear: 2026, toYear: 2026 });
    if (!r.ok) throw new Error(r.issue.detail);
    expect(r.value.addBusinessTime(at(r.value, '2026-12-31T10:00'), 20 * H)).toBeNaN();
    expect(r.value.addBusinessTime(at(r.value, '2027-01-04T10:00'), H)).toBeNaN();
  });
});

describe('compileCalendar: 1970–2100', () => {
  it('counts from a ticket created in 2019, in a decade other than the first one compiled', () => {
    // Friday 28 June 2019 16:00 + 1 business day: 1 h on Friday; Monday 1 July is San Pedro y San Pablo; 8 h on Tuesday.
    expect(add(peewah, '2019-06-28T16:00', peewah.openDayMs)).toBe('2019-07-02T16:00:00-05:00');
    // From 2019 to 2026 in one count, as a calendar compiled for exactly those years counts it.
    const exact = compileCalendar(builtInPolicies.get('peewah')!.calendar!, { fromYear: 2019, toYear: 2026 });
    if (!exact.ok) throw new Error(exact.issue.detail);
    const [a, b] = [at(peewah, '2019-06-28T16:00'), at(peewah, '2026-03-02T08:00')];
    expect(peewah.businessTimeBetween(a, b)).toBe(exact.value.businessTimeBetween(a, b));
    expect(peewah.businessTimeBetween(a, b) / (9 * H)).toBeGreaterThan(1600);
  });

  it('counts in 1975 and in 2099', () => {
    expect(add(peewah, '1975-03-03T10:00', peewah.openDayMs)).toBe('1975-03-04T10:00:00-05:00');
    expect(add(infraspeak, '2099-06-01T10:00', 12 * H)).toBe('2099-06-02T10:00:00+01:00');
    expect(add(skedu, '2099-12-31T17:00', 2 * H)).toBe('2100-01-04T10:00:00-04:00');
  });

  it('honours Colombia’s holidays in 1995 and 2080: Reyes Magos on Monday 9 January 1995 and Monday 8 January 2080', () => {
    expect(peewah.isOpen(at(peewah, '1995-01-06T10:00'))).toBe(true);
    expect(peewah.isOpen(at(peewah, '1995-01-09T10:00'))).toBe(false);
    expect(add(peewah, '1995-01-06T16:00', 2 * H)).toBe('1995-01-10T09:00:00-05:00');
    expect(peewah.isOpen(at(peewah, '2080-01-08T10:00'))).toBe(false);
    expect(add(peewah, '2080-01-05T16:00', 2 * H)).toBe('2080-01-09T09:00:00-05:00');
  });

  it('answers nothing before 1 January 1970 or from 1 January 2101, local time, and names that range', () => {
    expect([peewah.fromYear, peewah.toYear]).toEqual([1970, 2100]);
    expect([iso(peewah, peewah.fromMs), iso(peewah, peewah.toMs)]).toEqual(['1970-01-01T00:00:00-05:00', '2101-01-01T00:00:00-05:00']);
    expect(peewah.isOpen(peewah.fromMs - 1)).toBe(false);
    expect(peewah.addBusinessTime(peewah.fromMs - 1, H)).toBeNaN();
    expect(peewah.nextOpening(peewah.fromMs - 1)).toBeNaN();
    expect(iso(peewah, peewah.nextOpening(peewah.fromMs))).toBe('1970-01-02T08:00:00-05:00');
    expect(peewah.businessTimeBetween(at(peewah, '2100-12-31T00:00'), peewah.toMs)).toBe(9 * H);
    expect(peewah.businessTimeBetween(at(peewah, '2100-12-31T00:00'), peewah.toMs + 1)).toBeNaN();
    expect(peewah.addBusinessTime(at(peewah, '2100-12-31T16:00'), 2 * H)).toBeNaN();
  });

  it('answers the same whether its years were compiled up front or when first asked', () => {
    const specs = ['peewah', 'skedu', 'websaas', 'infraspeak'].map((id) => builtInPolicies.get(id)!.calendar!);
    const everyYear = specs.map((spec) => {
      const r = compileCalendar(spec, { fromYear: 1970, toYear: 2100 });
      if (!r.ok) throw new Error(r.issue.detail);
      return r.value;
    });
    // Fresh calendars, so the instants drawn decide which years get compiled and in what order.
    const lazy = specs.map((spec) => {
      const r = compileCalendar(spec);
      if (!r.ok) throw new Error(r.issue.detail);
      return r.value;
    });
    const instant = fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2100, 11, 30) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), instant, instant, fc.integer({ min: 0, max: 60 * 12 * H }), (i, a, b, d) => {
        const [l, e] = [lazy[i]!, everyYear[i]!];
        expect(l.addBusinessTime(a, d)).toBe(e.addBusinessTime(a, d));
        expect(l.businessTimeBetween(a, b)).toBe(e.businessTimeBetween(a, b));
        expect(l.isOpen(b)).toBe(e.isOpen(b));
        expect(l.nextOpening(b)).toBe(e.nextOpening(b));
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe('compileCalendar: toIso', () => {
  const zones = [
    'Europe/Lisbon',
    'America/Santiago',
    'America/Sao_Paulo',
    'America/New_York',
    'America/Bogota',
    'Etc/UTC',
    'Africa/Monrovia',
    'UTC-4',
    'UTC+05:30',
    'UTC',
  ];
  const spec = (zone: string): CalendarSpec => ({
    zone,
    week: [{ day: 1, open: '09:00', close: '17:00' }],
    holidays: { add: [], remove: [] },
  });
  const compiled = (zone: string, range?: { fromYear: number; toYear: number }) => {
    const r = compileCalendar(spec(zone), range);
    if (!r.ok) throw new Error(r.issue.detail);
    return r.value;
  };

  /** Every offset change of a zone in 1970–2100, found by luxon alone (every two days, then bisecting to the second). */
  const changesOf = (zone: Zone): number[] => {
    const out: number[] = [];
    const step = 2 * 86_400_000;
    for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2101, 0, 1); t += step) {
      if (zone.offset(t) === zone.offset(t + step)) continue;
      let [lo, hi] = [t / 1000, (t + step) / 1000];
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offset(mid * 1000) === zone.offset(t)) lo = mid;
        else hi = mid;
      }
      out.push(hi * 1000);
    }
    return out;
  };

  it('writes exactly what luxon writes, 1970–2100, also within two hours of every offset change', () => {
    for (const zone of zones) {
      const cal = compiled(zone, { fromYear: 1970, toYear: 2100 });
      const luxonIso = (ms: number) => DateTime.fromMillis(ms, { zone: cal.luxonZone }).toISO({ suppressMilliseconds: true });
      const changes = changesOf(cal.luxonZone);
      const anyInstant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 11, 31) });
      const nearChange =
        changes.length === 0
          ? anyInstant
          : fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * H, max: 2 * H })).map(([c, d]) => c + d);
      fc.assert(
        fc.property(fc.oneof(anyInstant, nearChange), (ms) => {
          expect(cal.toIso(ms)).toBe(luxonIso(ms));
          expect(cal.toIso(ms - (ms % 1000))).toBe(luxonIso(ms - (ms % 1000)));
        }),
        { numRuns: 3000 },
      );
      for (const c of changes) for (const d of [-1000, -1, 0, 1]) expect(cal.toIso(c + d)).toBe(luxonIso(c + d));
    }
  }, 120_000);

  it('writes exactly what luxon writes outside the decades compiled, where it asks Intl', () => {
    const cal = compiled('America/Sao_Paulo');
    expect(cal.toIso(Date.UTC(2026, 0, 1))).toBe('2025-12-31T21:00:00-03:00'); // nothing compiled yet
    cal.isOpen(Date.UTC(2026, 0, 1));
    for (const ms of [Date.UTC(1987, 0, 15, 12, 30), Date.UTC(1987, 6, 15, 12, 30, 5, 7), Date.UTC(2090, 0, 15)]) {
      expect(cal.toIso(ms)).toBe(DateTime.fromMillis(ms, { zone: 'America/Sao_Paulo' }).toISO({ suppressMilliseconds: true }));
    }
  });

  it('writes Lisbon in winter as +00:00 and a fixed zero offset as Z, as luxon does', () => {
    expect(compiled('Europe/Lisbon').toIso(Date.UTC(2026, 0, 5, 9))).toBe('2026-01-05T09:00:00+00:00');
    expect(compiled('UTC').toIso(Date.UTC(2026, 0, 5, 9))).toBe('2026-01-05T09:00:00Z');
    expect(compiled('Europe/Lisbon').toIso(Date.UTC(2026, 6, 5, 9, 0, 0, 5))).toBe('2026-07-05T10:00:00.005+01:00');
  });

  it('asks Intl nothing within the decades compiled', () => {
    const cal = compiled('America/Santiago');
    cal.isOpen(Date.UTC(2026, 0, 1)); // compiles the 2020s
    // `format` is a getter returning a bound function: counting the getter counts the calls.
    const proto = Intl.DateTimeFormat.prototype;
    const spies = [vi.spyOn(proto as unknown as { format: unknown }, 'format', 'get'), vi.spyOn(proto, 'formatToParts')];
    try {
      for (let ms = Date.UTC(2020, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 3_600_000) cal.toIso(ms);
      expect(spies.map((s) => s.mock.calls.length)).toEqual([0, 0]);
      cal.toIso(Date.UTC(2035, 0, 1)); // outside them it does: asked about 2026 only, the calendar compiled the 2020s only
      expect(spies[0]!.mock.calls.length + spies[1]!.mock.calls.length).toBeGreaterThan(0);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

describe('compileCalendar: properties', () => {
  const start = fc.integer({ min: Date.UTC(1970, 6, 1), max: Date.UTC(2100, 6, 1) });
  const duration = fc.integer({ min: 0, max: 400 * H });
  const calendars = fc.constantFrom(peewah, skedu, websaas, infraspeak);

  it('never ends outside open hours: for d > 0 the last counted millisecond [t − 1, t) is open, so t is open or a closing instant', () => {
    fc.assert(
      fc.property(calendars, start, fc.integer({ min: 1, max: 400 * H }), (cal, s, d) => {
        const t = cal.addBusinessTime(s, d);
        expect(t).toBeGreaterThan(s);
        expect(cal.isOpen(t - 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds in steps: add(add(s, a), b) = add(s, a + b) for all a, b ≥ 0, also when add(s, a) is a closing instant', () => {
    fc.assert(
      fc.property(calendars, start, duration, duration, (cal, s, a, b) => {
        expect(cal.addBusinessTime(cal.addBusinessTime(s, a), b)).toBe(cal.addBusinessTime(s, a + b));
      }),
      { numRuns: 2000 },
    );
    // The closing-instant case on purpose: 9 h from Monday 08:00 ends at 17:00; 1 h more is Tuesday 09:00 either way.
    const s = at(peewah, '2026-03-02T08:00');
    expect(peewah.addBusinessTime(peewah.addBusinessTime(s, 9 * H), H)).toBe(peewah.addBusinessTime(s, 10 * H));
  });

  it('counts back the target: businessTimeBetween(s, add(s, d)) = d', () => {
    fc.assert(
      fc.property(calendars, start, duration, (cal, s, d) => {
        expect(cal.businessTimeBetween(s, cal.addBusinessTime(s, d))).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a plain minute-by-minute walk over a week', () => {
    fc.assert(
      fc.property(calendars, start, (cal, s) => {
        const from = Math.floor(s / M) * M;
        let open = 0;
        for (let t = from; t < from + 7 * 24 * H; t += M) if (cal.isOpen(t)) open += M;
        expect(cal.businessTimeBetween(from, from + 7 * 24 * H)).toBe(open);
      }),
      { numRuns: 30 },
    );
  });
});
