import { view } from '@forge/bridge';
import { SectionMessage, Spinner, Text } from '@forge/react';
import { toLocale } from '@plazo/view-text';
import { useEffect, useState } from 'react';
import { jiraMessages } from '../jira-messages';
import type { WorkerFailure } from '../worker/worker-answer';
import { workerClient } from '../worker/worker-client';
import type { ConfigView, Problem } from '../worker/worker-contract';
import { type AdminForm, formFromSettings, settingsFromForm } from './admin-form';
import { AdminPage, type SaveStatus } from './admin-page';

type Loaded = { config: ConfigView; form: AdminForm };

/** Loads the installation's settings and the site's lists from the Worker, and saves the admin's choices with PUT. */
export function AdminPageApp() {
  const [locale, setLocale] = useState(toLocale(undefined));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<WorkerFailure | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const t = jiraMessages[locale];

  useEffect(() => {
    let live = true;
    (async () => {
      const [context, answer] = await Promise.all([view.getContext(), workerClient.config()]);
      if (!live) return;
      setLocale(toLocale(context.locale));
      if (answer.ok) setLoaded({ config: answer.value, form: formFromSettings(answer.value.settings) });
      else setFailure(answer.failure);
    })();
    return () => {
      live = false;
    };
  }, []);

  if (failure) {
    const unreachable = failure.kind === 'unreachable';
    return (
      <SectionMessage
        appearance={unreachable ? 'warning' : 'error'}
        title={unreachable ? t.unreachable : t.failed}
        testId="plazo-admin-failed"
      >
        <Text>
          {unreachable
            ? t.unreachableDetail(failure.detail)
            : t.failedDetail(failure.kind === 'error' ? failure.code : failure.kind, failure.detail)}
        </Text>
      </SectionMessage>
    );
  }
  if (!loaded) return <Spinner label={t.loading} testId="plazo-loading" />;

  const save = async () => {
    const built = settingsFromForm(loaded.form, t.admin.percentInvalid);
    if (!built.ok) {
      setProblems(built.problems);
      setStatus('idle');
      return;
    }
    setStatus('saving');
    const answer = await workerClient.saveConfig(built.settings);
    if (answer.ok) {
      setProblems([]);
      setLoaded({ config: { ...loaded.config, settings: answer.value.settings }, form: formFromSettings(answer.value.settings) });
      setStatus('saved');
      return;
    }
    const f = answer.failure;
    // A refusal without named problems is still shown as one problem, so the admin never sees a silent failure.
    setProblems(
      f.kind === 'invalid-config' && f.problems.length > 0
        ? f.problems
        : [{ path: f.kind === 'error' ? f.code : f.kind, message: f.detail }],
    );
    setStatus('idle');
  };

  return (
    <AdminPage
      t={t.admin}
      config={loaded.config}
      form={loaded.form}
      problems={problems}
      status={status}
      onChange={(form) => {
        setLoaded({ ...loaded, form });
        if (status === 'saved') setStatus('idle');
      }}
      onSave={save}
    />
  );
}
