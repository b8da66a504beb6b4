/** What the Worker's POST /api/v1/zendesk/setup takes as `settings` (worker/src/hosts/zendesk/zendesk-settings.ts). */
export type WorkerZendeskSettings = {
  policy?: string;
  atRiskRemainingRatio?: number;
  priorityMap?: Record<string, 'urgent' | 'high' | 'normal' | 'low'>;
  statusMap?: { pending: string | null; hold: string | null };
  fields?: { firstResponseDue?: number; resolutionDue?: number };
};

export type SetupSettingsResult = { ok: true; value: WorkerZendeskSettings } | { ok: false; problem: string };

const zendeskPriorities = new Set(['urgent', 'high', 'normal', 'low']);
const zendeskStatuses = ['pending', 'hold'] as const;

/**
 * The app's settings (manifest parameters, as client.metadata() gives them) as the Worker stores them: the policy, the
 * priority mapping (JSON text), the at-risk threshold (a percent, sent as the Worker's share of the target), which Zendesk statuses pause (they enter the policy's first paused status; the others run
 * the clock), and the ids of the ticket fields requirements.json created. A wrong value is named, never sent half-read.
 */
export function setupSettings(
  params: Record<string, unknown>,
  policyPauseStatuses: readonly string[],
  fields: { firstResponseDue?: number; resolutionDue?: number },
): SetupSettingsResult {
  const value: WorkerZendeskSettings = {};
  const policy = typeof params.policy === 'string' ? params.policy.trim() : '';
  if (policy) value.policy = policy;

  // Zendesk gives a number parameter as a number or as the text typed; empty leaves the policy's threshold.
  const percentText = typeof params.atRiskPercent === 'number' ? String(params.atRiskPercent) : String(params.atRiskPercent ?? '').trim();
  if (percentText) {
    const percent = Number(percentText);
    if (!Number.isFinite(percent) || percent <= 0 || percent >= 100)
      return { ok: false, problem: `atRiskPercent must be a number above 0 and below 100, not "${percentText}"` };
    value.atRiskRemainingRatio = percent / 100;
  }

  const mapText = typeof params.priorityMap === 'string' ? params.priorityMap.trim() : '';
  if (mapText) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(mapText);
    } catch {
      return { ok: false, problem: 'priorityMap must be JSON, e.g. {"urgente": "urgent"}' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, problem: 'priorityMap must be a JSON object from policy priority to Zendesk priority' };
    const map: Record<string, 'urgent' | 'high' | 'normal' | 'low'> = {};
    for (const [priority, host] of Object.entries(parsed)) {
      if (typeof host !== 'string' || !zendeskPriorities.has(host))
        return { ok: false, problem: `priorityMap.${priority} must be one of urgent, high, normal, low` };
      map[priority] = host as 'urgent' | 'high' | 'normal' | 'low';
    }
    if (Object.keys(map).length > 0) value.priorityMap = map;
  }

  const pauseText = typeof params.pauseStatuses === 'string' ? params.pauseStatuses : '';
  const listed = pauseText
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const s of listed)
    if (!(zendeskStatuses as readonly string[]).includes(s)) return { ok: false, problem: `pauseStatuses: "${s}" is not pending or hold` };
  const paused = policyPauseStatuses[0] ?? null;
  if (listed.length > 0 && paused === null) return { ok: false, problem: 'pauseStatuses: the policy pauses no status' };
  value.statusMap = { pending: listed.includes('pending') ? paused : null, hold: listed.includes('hold') ? paused : null };

  if (fields.firstResponseDue !== undefined || fields.resolutionDue !== undefined) value.fields = { ...fields };
  return { ok: true, value };
}
