import { invokeRemote } from '@forge/bridge';
import { classifyAnswer, unreachable, type WorkerAnswer } from './worker-answer';
import type { ConfigView, IssueView, JiraSettings } from './worker-contract';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isIssueView(body: unknown): body is IssueView {
  if (!isObject(body) || !isObject(body.evaluation) || !isObject(body.policy)) return false;
  const ev = body.evaluation;
  return Array.isArray(ev.reasons) && Array.isArray(ev.flags) && isObject(ev.sla);
}

function isConfigView(body: unknown): body is ConfigView {
  return isObject(body) && isObject(body.settings) && Array.isArray(body.policies) && isObject(body.site);
}

function isSaved(body: unknown): body is { settings: JiraSettings } {
  return isObject(body) && isObject(body.settings);
}

async function call<T>(input: Parameters<typeof invokeRemote>[0], accept: (body: unknown) => body is T): Promise<WorkerAnswer<T>> {
  try {
    return classifyAnswer(await invokeRemote(input), accept);
  } catch (thrown) {
    return unreachable(thrown);
  }
}

/** The Worker's UI routes, called through Forge Remote (Forge adds the invocation token and the app system token). */
export const workerClient = {
  issue: (issueId: string) => call({ path: `/forge/jira/issues/${encodeURIComponent(issueId)}`, method: 'GET' }, isIssueView),
  config: () => call({ path: '/forge/jira/config', method: 'GET' }, isConfigView),
  saveConfig: (settings: JiraSettings) => call({ path: '/forge/jira/config', method: 'PUT', body: settings }, isSaved),
};
