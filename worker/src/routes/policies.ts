import { findPolicy } from '@plazo/core';
import { Hono } from 'hono/tiny';
import type { Env } from '../env.js';
import { problem } from '../http/problem.js';
import { builtInPolicies } from '../policies/built-in-policies.js';

/** GET /api/v1/policies and /api/v1/policies/:id: the built-in vendor policies. */
export const policyRoutes = new Hono<{ Bindings: Env }>()
  .get('/', async (c) =>
    c.json({
      policies: [...(await builtInPolicies(c.env.ASSETS)).values()].map((p) => ({
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
  .get('/:id', async (c) => {
    const policy = findPolicy(await builtInPolicies(c.env.ASSETS), c.req.param('id'));
    return policy.ok ? c.json(policy.value) : problem(c, 404, policy.issue);
  });
