import { evaluateTicket, findPolicy, type Policy, parsePolicy, parseTicket, toProblems } from '@plazo/core';
import { Hono } from 'hono/tiny';
import * as z from 'zod';
import type { Env } from '../env.js';
import { limitEvaluateBody } from '../http/body-limit.js';
import { problem, statusOf } from '../http/problem.js';
import { builtInPolicies } from '../policies/built-in-policies.js';

const requestSchema = z.object({
  /** A built-in policy id, or a whole policy document. */
  policy: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  ticket: z.unknown(),
  /** Evaluate as of this instant (default: now), e.g. for reproducible answers. */
  now: z.iso.datetime({ offset: true }).optional(),
});

/** POST /api/v1/evaluate: stateless; answers with the same Evaluation the CLI prints. */
export const evaluateRoutes = new Hono<{ Bindings: Env }>().post('/', limitEvaluateBody, async (c) => {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return problem(c, 400, { code: 'invalid-json', detail: 'the body must be a JSON object {"policy", "ticket", "now"?}' });
  }
  const request = requestSchema.safeParse(json);
  if (!request.success) {
    const problems = toProblems(request.error);
    return problem(c, 400, { code: 'invalid-request', detail: problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems });
  }
  const { policy: policyRef, ticket: ticketInput, now } = request.data;
  let policy: Policy;
  if (typeof policyRef === 'string') {
    const found = findPolicy(await builtInPolicies(c.env.ASSETS), policyRef);
    if (!found.ok) return problem(c, 404, found.issue);
    policy = found.value;
  } else {
    const parsed = parsePolicy(policyRef);
    if (!parsed.ok) return problem(c, 400, parsed.issue);
    policy = parsed.value;
  }
  const ticket = parseTicket(ticketInput);
  if (!ticket.ok) return problem(c, 400, ticket.issue);
  const evaluation = evaluateTicket(policy, ticket.value, now ? Date.parse(now) : Date.now());
  if (!evaluation.ok) return problem(c, statusOf(evaluation.issue.code) === 400 ? 422 : statusOf(evaluation.issue.code), evaluation.issue);
  return c.json(evaluation.value);
});
