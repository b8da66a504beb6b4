import type { Problem } from './worker-contract';

/** Why the panel or the admin page has no answer to show, as the user must read it. */
export type WorkerFailure =
  | { kind: 'not-seen'; detail: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'invalid-config'; detail: string; problems: Problem[] }
  | { kind: 'error'; status: number; code: string; detail: string };

export type WorkerAnswer<T> = { ok: true; value: T } | { ok: false; failure: WorkerFailure };

/** What invokeRemote resolves with: every answer but a 401 (Forge keeps that for token failures) and non-JSON bodies. */
export type RemoteResponse = { status?: unknown; body?: unknown };

type ErrorBody = { error?: { code?: unknown; detail?: unknown; problems?: unknown } };

const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v !== '' ? v : fallback);

function isProblem(p: unknown): p is Problem {
  return typeof p === 'object' && p !== null && typeof (p as Problem).path === 'string' && typeof (p as Problem).message === 'string';
}

/** A Worker answer as the contract defines it: 2xx with a body `accept` recognises, or a named error. */
export function classifyAnswer<T>(response: RemoteResponse, accept: (body: unknown) => body is T): WorkerAnswer<T> {
  const status = typeof response.status === 'number' ? response.status : 0;
  // Forge answers with an error object of its own (no HTTP status) when the remote could not be called at all.
  if (status === 0) return { ok: false, failure: { kind: 'unreachable', detail: 'no answer from the Worker' } };
  if (status >= 200 && status < 300) {
    if (accept(response.body)) return { ok: true, value: response.body };
    return { ok: false, failure: { kind: 'error', status, code: 'unexpected-answer', detail: 'the Worker answered in an unknown shape' } };
  }
  const error = (typeof response.body === 'object' && response.body !== null ? (response.body as ErrorBody).error : undefined) ?? {};
  const code = text(error.code, `http-${status}`);
  const detail = text(error.detail, `HTTP ${status}`);
  if (status === 404 && code === 'not-seen') return { ok: false, failure: { kind: 'not-seen', detail } };
  if (status === 400 && code === 'invalid-config') {
    const problems = Array.isArray(error.problems) ? error.problems.filter(isProblem) : [];
    return { ok: false, failure: { kind: 'invalid-config', detail, problems } };
  }
  // A gateway or an overloaded Worker: the service is not there for now, whatever it says.
  if (status === 502 || status === 503 || status === 504) return { ok: false, failure: { kind: 'unreachable', detail } };
  return { ok: false, failure: { kind: 'error', status, code, detail } };
}

/** invokeRemote rejects when Forge cannot reach the remote, it times out, or the remote refused the invocation token. */
export function unreachable(thrown: unknown): WorkerAnswer<never> {
  const detail = thrown instanceof Error ? thrown.message : typeof thrown === 'string' ? thrown : 'the call failed';
  return { ok: false, failure: { kind: 'unreachable', detail } };
}
