import { describe, expect, it } from 'vitest';
import { builtInPolicyFiles } from '../policies/built-in-policies.js';
import { parsePolicy } from './parse-policy.js';

const websaas = builtInPolicyFiles.websaas as Record<string, unknown>;

describe('parsePolicy', () => {
  it('lists every problem by path and accepts nothing in part', () => {
    const broken = structuredClone(websaas) as any;
    broken.id = 'Web SaaS';
    broken.calendar.week[0].open = '7am';
    broken.priorities[0].targets.resolution.unit = 'weeks';
    broken.defaultPriority = 'critica';
    broken.colour = 'blue';
    const parsed = parsePolicy(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.code).toBe('invalid-policy');
    const paths = parsed.issue.problems?.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'calendar.week[0].open', 'priorities[0].targets.resolution.unit', '(root)']));
    expect(parsed.issue.problems?.find((p) => p.path === '(root)')?.message).toMatch(/colour/);
  });

  it('names an unknown default priority together with the known ones', () => {
    const parsed = parsePolicy({ ...websaas, defaultPriority: 'critica' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.problems).toContainEqual({
      path: 'defaultPriority',
      message: 'unknown priority "critica"; known: urgente, importante, normal',
    });
  });

  it('rejects a business target in a policy without a calendar', () => {
    const { calendar: _calendar, intake: _intake, ...rest } = websaas;
    const parsed = parsePolicy(rest);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.problems).toContainEqual({
      path: 'priorities[0].targets.resolution',
      message: 'a business-time target needs a calendar',
    });
  });

  it('rejects business days counted on the calendar clock', () => {
    const policy = structuredClone(websaas) as any;
    policy.priorities[1].targets.resolution = { amount: 2, unit: 'businessDays', clock: 'calendar' };
    const parsed = parsePolicy(policy);
    expect(!parsed.ok && parsed.issue.problems?.map((p) => p.path)).toContain('priorities[1].targets.resolution.clock');
  });

  it('refuses a priority that still says how hosts show it, naming the removed host key', () => {
    const old = structuredClone(websaas) as any;
    old.priorities[1].host = { zendesk: 'high', jira: 'High', githubColor: 'd93f0b' };
    const parsed = parsePolicy(old);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.problems).toEqual([
      { path: 'priorities[1]', message: expect.stringMatching(/^unrecognized key "host": "host" is no longer part of a policy; .*rank/) },
    ]);
  });

  it('names other unknown keys of a priority as before', () => {
    const parsed = parsePolicy({
      ...websaas,
      priorities: [{ ...(websaas.priorities as object[])[0], colour: 'red' }, ...(websaas.priorities as object[]).slice(1)],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.problems).toEqual([{ path: 'priorities[0]', message: expect.stringMatching(/colour/) }]);
    expect(parsed.issue.problems?.[0]?.message).not.toMatch(/host/);
  });

  it('rejects something that is not a policy at all with one root problem', () => {
    const parsed = parsePolicy('peewah');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issue.problems?.[0]?.path).toBe('(root)');
  });
});

describe('parsePolicy on calendars', () => {
  it('names an unknown time zone at calendar.zone', () => {
    const parsed = parsePolicy({ ...websaas, calendar: { ...(websaas.calendar as object), zone: 'America/Medellin' } });
    expect(!parsed.ok && parsed.issue.problems?.[0]?.path).toBe('calendar.zone');
  });

  it('names a country without holiday data at calendar.holidays.country', () => {
    const parsed = parsePolicy({ ...websaas, calendar: { ...(websaas.calendar as object), holidays: { country: 'ZZ' } } });
    expect(!parsed.ok && parsed.issue.problems?.[0]?.path).toBe('calendar.holidays.country');
  });
});

describe('parsePolicy on triage rules', () => {
  it('names a triage rule that points at a priority the policy does not have', () => {
    const policy = structuredClone(websaas) as any;
    policy.triage.priorities[0].priority = 'critica';
    const parsed = parsePolicy(policy);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.problems).toContainEqual(
      expect.objectContaining({
        path: expect.stringMatching(/^triage\.priorities\[0\]/),
        message: expect.stringMatching(/unknown priority "critica"/),
      }),
    );
  });
});
