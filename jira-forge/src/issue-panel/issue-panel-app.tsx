import { view } from '@forge/bridge';
import { toLocale, viewMessages } from '@plazo/view-text';
import { useEffect, useState } from 'react';
import { jiraMessages } from '../jira-messages';
import type { WorkerAnswer } from '../worker/worker-answer';
import { workerClient } from '../worker/worker-client';
import type { IssueView } from '../worker/worker-contract';
import { IssuePanel } from './issue-panel';
import { panelModel } from './panel-model';

type Viewer = { issueId: string | null; locale: string; zone: string };

/** Reads who is looking at which issue from Forge, asks the Worker once, and shows the answer in the viewer's language and zone. */
export function IssuePanelApp() {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [load, setLoad] = useState<WorkerAnswer<IssueView> | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const context = await view.getContext();
      const issueId = context.extension?.issue?.id;
      const seen: Viewer = { issueId: issueId == null ? null : String(issueId), locale: context.locale, zone: context.timezone || 'UTC' };
      if (!live) return;
      setViewer(seen);
      const answer: WorkerAnswer<IssueView> = seen.issueId
        ? await workerClient.issue(seen.issueId)
        : { ok: false, failure: { kind: 'error', status: 0, code: 'no-issue', detail: 'Jira did not say which issue this panel is on' } };
      if (live) setLoad(answer);
    })();
    return () => {
      live = false;
    };
  }, []);
  const locale = toLocale(viewer?.locale);
  const model = panelModel(load, { locale, zone: viewer?.zone ?? 'UTC', t: viewMessages[locale], jira: jiraMessages[locale] });
  return <IssuePanel model={model} />;
}
