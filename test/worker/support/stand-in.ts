import { inject } from 'vitest';
import type { Ids } from './github-deliveries.js';

const base = () => inject('githubApiUrl');

export type StandInState = {
  labels: string[];
  comments: { id: number; body: string; user: { login: string; type: string } }[];
  repoLabels: { name: string; color: string; description: string | null }[];
};

/** What the GitHub stand-in now holds for the issue. */
export async function issueState(ids: Ids): Promise<StandInState> {
  const res = await fetch(`${base()}/__stand-in/state?repo=${ids.owner}/${ids.repo}&issue=${ids.number}`);
  return (await res.json()) as StandInState;
}

export async function putFile(ids: Ids, path: string, content: string | null): Promise<void> {
  await fetch(`${base()}/__stand-in/file`, { method: 'PUT', body: JSON.stringify({ repo: `${ids.owner}/${ids.repo}`, path, content }) });
}

/** The next `times` requests matching `path` (a regular expression) answer `status`, or with `hang` never answer until the client gives up. */
export async function addFault(f: {
  method?: string;
  path: string;
  status: number;
  times?: number;
  headers?: Record<string, string>;
  body?: unknown;
  hang?: boolean;
}): Promise<void> {
  await fetch(`${base()}/__stand-in/faults`, { method: 'POST', body: JSON.stringify(f) });
}

/** Every API request the stand-in served, in order; status 0 is a request it never answered (a `hang` fault). */
export async function requestLog(): Promise<{
  requests: { method: string; path: string; status: number; actor: string | null }[];
  tokenMints: number;
}> {
  return (await (await fetch(`${base()}/__stand-in/log`)).json()) as never;
}

export const repoPath = (ids: Ids) => `/repos/${ids.owner}/${ids.repo}/`;
