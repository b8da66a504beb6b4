import { toProblems } from '@plazo/core';
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import * as z from 'zod';
import type { Env } from '../env.js';
import { requireAdmin } from '../http/admin-auth.js';
import { problem } from '../http/problem.js';
import { complianceReport } from '../reports/compliance-report.js';
import { hoursReport } from '../reports/hours-report.js';
import { readMonthRange } from '../reports/month-range.js';
import { complianceCsv, flagsCsv, hoursCsv } from '../reports/report-csv.js';
import { getInstallation } from '../store/installations.js';

const reportQuery = z.object({
  installation: z.string().min(1),
  from: z.string(),
  to: z.string(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The installation and months a report asks for, or the problem with them as an HTTP answer. */
async function readQuery(c: Context<{ Bindings: Env }>) {
  const q = reportQuery.safeParse(c.req.query());
  if (!q.success) {
    const problems = toProblems(q.error);
    const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return { answer: problem(c, 400, { code: 'invalid-query', detail, problems }) };
  }
  const range = readMonthRange(q.data.from, q.data.to);
  if (!range.ok) return { answer: problem(c, 400, range.issue) };
  if (!(await getInstallation(c.env.DB, q.data.installation)))
    return { answer: problem(c, 404, { code: 'not-found', detail: `no installation "${q.data.installation}"` }) };
  return { installation: q.data.installation, range: range.value, format: q.data.format };
}

function csv(c: Context, name: string, body: string): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
  return c.body(body);
}

const fileName = (kind: string, q: { installation: string; range: { from: string; to: string } }) =>
  `plazo-${kind}-${q.installation.replace(/[^\w.-]+/g, '-')}-${q.range.from}-${q.range.to}`;

/**
 * Reports for admins (admin token): GET /api/v1/reports/{hours,compliance,flags}?installation=<key>&from=YYYY-MM&to=YYYY-MM,
 * JSON by default, `&format=csv` for a spreadsheet. The page at /admin/reports/ draws them.
 */
export const reportRoutes = new Hono<{ Bindings: Env }>()
  .use(requireAdmin)
  .get('/hours', async (c) => {
    const q = await readQuery(c);
    if ('answer' in q) return q.answer;
    const report = await hoursReport(c.env, q.installation, q.range);
    return q.format === 'csv' ? csv(c, fileName('hours', q), hoursCsv(report)) : c.json(report);
  })
  .get('/compliance', async (c) => {
    const q = await readQuery(c);
    if ('answer' in q) return q.answer;
    const report = await complianceReport(c.env, q.installation, q.range);
    return q.format === 'csv' ? csv(c, fileName('compliance', q), complianceCsv(report)) : c.json(report);
  })
  .get('/flags', async (c) => {
    const q = await readQuery(c);
    if ('answer' in q) return q.answer;
    const { flags, rows: _, ...range } = await complianceReport(c.env, q.installation, q.range);
    return q.format === 'csv' ? csv(c, fileName('flags', q), flagsCsv({ ...range, rows: [], flags })) : c.json({ ...range, flags });
  });
