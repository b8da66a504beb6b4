import type { Evaluation } from '@plazo/core';
import type { ZafClient, ZafRequestError } from './zaf-client.js';

/** GET /api/v1/zendesk/tickets/{id}, as the contract fixes it. */
export type StoredTicketView = {
  ticket: { key: string; status: 'open' | 'closed' | 'retired' };
  evaluation: Evaluation;
  policy: { id: string; name: string; locale: string; zone: string | null };
  hostPriority: ZendeskPriority | null;
};
export type ZendeskPriority = 'urgent' | 'high' | 'normal' | 'low';
/** GET /api/v1/zendesk/policy: the installation's policy document and how its priorities show on Zendesk. */
export type InstallationPolicy = { policy: unknown; priorityMap: Record<string, ZendeskPriority> };

/** Why the Worker could not answer, as the admin must read it. */
export type ApiFailure =
  | { kind: 'not-seen' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'unauthorized'; detail: string }
  | { kind: 'misconfigured'; detail: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

function detailOf(e: ZafRequestError): string {
  try {
    const body = (e.responseJSON ?? JSON.parse(e.responseText ?? '')) as { error?: { code?: string; detail?: string } };
    if (body.error?.detail) return body.error.detail;
  } catch {
    // Not JSON: the status alone says it.
  }
  return `HTTP ${e.status}`;
}

function classify(e: unknown): ApiFailure {
  const err = (e ?? {}) as ZafRequestError;
  const status = typeof err.status === 'number' ? err.status : 0;
  if (status === 404) {
    const detail = detailOf(err);
    // Only the contract's not-seen answer is the preview case; any other 404 means the URL points elsewhere.
    return /not-seen|not evaluated/i.test(err.responseText ?? JSON.stringify(err.responseJSON ?? ''))
      ? { kind: 'not-seen' }
      : { kind: 'misconfigured', detail };
  }
  if (status === 401 || status === 403) return { kind: 'unauthorized', detail: detailOf(err) };
  if (status === 0) return { kind: 'unreachable', detail: 'no answer' };
  if (status >= 500 && status !== 503) return { kind: 'unreachable', detail: detailOf(err) };
  return { kind: 'misconfigured', detail: detailOf(err) };
}

/** Calls the Worker through Zendesk's proxy, which substitutes the secure token: it never reaches the browser. */
export function plazoApi(client: ZafClient, plazoUrl: string) {
  const base = plazoUrl.replace(/\/+$/, '');
  async function get<T>(path: string): Promise<ApiResult<T>> {
    try {
      const value = await client.request<T>({
        url: `${base}${path}`,
        type: 'GET',
        secure: true,
        headers: { Authorization: 'Bearer {{setting.plazoToken}}' },
        contentType: 'application/json',
      });
      return { ok: true, value: typeof value === 'string' ? (JSON.parse(value) as T) : value };
    } catch (e) {
      return { ok: false, failure: classify(e) };
    }
  }
  return {
    ticket: (id: string) => get<StoredTicketView>(`/api/v1/zendesk/tickets/${encodeURIComponent(id)}`),
    policy: () => get<InstallationPolicy>('/api/v1/zendesk/policy'),
  };
}
