import type { z } from 'zod';
import { fail, ok, type Problem, type Result } from '../result.js';
import { policySchema, type Policy } from './policy-schema.js';

/** Renders a zod path as `priorities[0].targets.resolution`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(root)';
}

export function toProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Validates a policy whole: every problem is listed by path, and nothing is accepted in part. */
export function parsePolicy(input: unknown): Result<Policy, 'invalid-policy'> {
  const parsed = policySchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const problems = toProblems(parsed.error);
  return fail('invalid-policy', `the policy has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
}
