import type { Evaluation } from '@plazo/core';
import { readJson } from './json-column.js';
import type { CustomerKind } from './time-entries.js';

export type ReportTicket = {
  key: string;
  customer: string | null;
  customerKind: CustomerKind;
  createdAt: string;
  policyId: string;
  evaluation: Evaluation;
};

/** An installation's evaluated tickets created within [fromMs, toMs) (retired ones left out), with their last evaluation. */
export async function listReportTickets(db: D1Database, installationKey: string, fromMs: number, toMs: number): Promise<ReportTicket[]> {
  const { results } = await db
    .prepare(
      `SELECT t.key, COALESCE(t.organization, t.requester) AS customer,
              CASE WHEN t.organization IS NULL THEN 'requester' ELSE 'organization' END AS customerKind,
              t.created_at, t.policy_id, t.evaluation FROM tickets t
       WHERE t.installation_key = ?1 AND t.status <> 'retired' AND t.evaluation IS NOT NULL AND t.policy_id IS NOT NULL
         AND julianday(t.created_at) >= julianday(?2) AND julianday(t.created_at) < julianday(?3)
       ORDER BY t.created_at, t.key`,
    )
    .bind(installationKey, new Date(fromMs).toISOString(), new Date(toMs).toISOString())
    .all<{ key: string; customer: string | null; customerKind: CustomerKind; created_at: string; policy_id: string; evaluation: string }>();
  return results.map((r) => ({
    key: r.key,
    customer: r.customer,
    customerKind: r.customerKind,
    createdAt: r.created_at,
    policyId: r.policy_id,
    evaluation: readJson(r.evaluation) as Evaluation,
  }));
}
