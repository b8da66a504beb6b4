import { fail, type Policy, parsePolicy, type Result } from '@plazo/core';

/**
 * Validates a policy an installation uploads: core's parsePolicy (every problem by path), and an id that is not a built-in's,
 * so a settings `policy` naming a built-in always means the built-in (to change one, upload a copy under a new id).
 */
export function parseUploadedPolicy(input: unknown, builtIns: ReadonlyMap<string, Policy>): Result<Policy, 'invalid-policy'> {
  const parsed = parsePolicy(input);
  if (!parsed.ok || !builtIns.has(parsed.value.id)) return parsed;
  const message = `"${parsed.value.id}" is a built-in policy's id; give the uploaded policy its own id`;
  return fail('invalid-policy', 'the policy has 1 problem', [{ path: 'id', message }]);
}
