import type { Evaluation } from '@plazo/core';
import { readJson } from './json-column.js';

export type ReportTicket = { key: string; customer: string | null; createdAt: string; policyId: string; evaluation: Evaluation };

/** An installation's evaluated tickets created within [fromMs, toMs) (retired ones left out), with their last evaluation. */
export async function listReportTickets(db: D1Database, installationKey: string, fromMs: number, toMs: number): Promise<ReportTicket[]> {
  const { results } = await db
    .prepare(
      `SELECT key, requester, created_at, policy_id, evaluation FROM tickets
       WHERE installation_key = ?1 AND status <> 'retired' AND evaluation IS NOT NULL AND policy_id IS NOT NULL
         AND julianday(created_at) >= julianday(?2) AND julianday(created_at) < julianday(?3)
       ORDER BY created_at, key`,
    )
    .bind(installationKey, new Date(fromMs).toISOString(), new Date(toMs).toISOString())
    .all<{ key: string; requester: string | null; created_at: string; policy_id: string; evaluation: string }>();
  return results.map((r) => ({
    key: r.key,
    customer: r.requester,
    createdAt: r.created_at,
    policyId: r.policy_id,
    evaluation: readJson(r.evaluation) as Evaluation,
  }));
}
