import type * as z from 'zod';
import type { CompileCalendarCode } from '../calendar/compile-calendar.js';
import { fail, ok, type Problem, type Result } from '../result.js';
import { checkTriageRules } from '../triage/compile-triage.js';
import { policyCalendar } from './policy-calendar.js';
import { type Policy, policySchema } from './policy-schema.js';

/** Where a calendar that fails to compile is wrong, so the admin sees the field to fix. */
const calendarPaths: Record<CompileCalendarCode, string> = {
  'unknown-zone': 'calendar.zone',
  'unknown-country': 'calendar.holidays.country',
  'invalid-date': 'calendar.holidays',
  'invalid-hours': 'calendar.week',
  'no-open-hours': 'calendar.week',
  'year-out-of-range': 'calendar',
};

/** Renders a zod path as `priorities[0].targets.resolution`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') ||
    '(root)'
  );
}

export function toProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

const describeCount = (n: number) => `the policy has ${n} problem${n === 1 ? '' : 's'}`;

/** Validates a policy whole: every problem is listed by path, and nothing is accepted in part. */
export function parsePolicy(input: unknown): Result<Policy, 'invalid-policy'> {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) {
    // The schema checks shape; only compiling proves the zone, the holiday country and the triage rules hold.
    const calendar = policyCalendar(parsed.data);
    const problems = [
      ...(calendar.ok ? [] : [{ path: calendarPaths[calendar.issue.code], message: calendar.issue.detail }]),
      ...checkTriageRules(parsed.data),
    ];
    if (problems.length === 0) return ok(parsed.data);
    return fail('invalid-policy', describeCount(problems.length), problems);
  }
  const problems = toProblems(parsed.error);
  return fail('invalid-policy', describeCount(problems.length), problems);
}
