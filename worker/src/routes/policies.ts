import { builtInPolicies, findPolicy } from '@plazo/core';
import { Hono } from 'hono';
import { problem } from '../http/problem.js';

/** GET /api/v1/policies and /api/v1/policies/:id: the built-in vendor policies. */
export const policyRoutes = new Hono()
  .get('/', (c) =>
    c.json({
      policies: [...builtInPolicies.values()].map((p) => ({
        id: p.id,
        name: p.name,
        vendor: p.vendor,
        locale: p.locale,
        zone: p.calendar?.zone ?? null,
        priorities: p.priorities.map((pr) => pr.id),
        defaultPriority: p.defaultPriority,
      })),
    }),
  )
  .get('/:id', (c) => {
    const policy = findPolicy(c.req.param('id'));
    return policy.ok ? c.json(policy.value) : problem(c, 404, policy.issue);
  });
