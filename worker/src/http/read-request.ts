import { fail, ok, type Result, toProblems } from '@plazo/core';
import type * as z from 'zod';
import { readJsonBody } from './read-json-body.js';

/** A request body's bytes as JSON valid under `schema`; each problem is named by its path (zod never echoes values, so secrets stay out). */
export function readRequest<S extends z.ZodType>(
  body: Uint8Array,
  schema: S,
): Result<z.infer<S>, 'empty-body' | 'invalid-json' | 'invalid-request'> {
  const json = readJsonBody(body);
  if (!json.ok) return json;
  const request = schema.safeParse(json.value);
  if (request.success) return ok(request.data);
  const problems = toProblems(request.error);
  return fail('invalid-request', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}
