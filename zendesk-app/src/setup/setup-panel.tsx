import { Button } from '@zendeskgarden/react-buttons';
import { Field, Hint, Input, Label, Textarea } from '@zendeskgarden/react-forms';
import { Alert, Well } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useState } from 'react';
import type { Messages } from '../messages.js';
import type { SetupState } from './admin-setup.js';

export type SetupPanelProps = {
  state: SetupState;
  t: Messages;
  onConnect: (input: { apiEmail: string; apiToken: string; policyText: string }) => Promise<string | null>;
};

/** The admin's first-run step: shown to admins while the Worker says the installation is not ready. */
export function SetupPanel({ state, t, onConnect }: SetupPanelProps) {
  const [apiEmail, setEmail] = useState('');
  const [apiToken, setToken] = useState('');
  const [policyText, setPolicyText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (state.ready)
    return (
      <Alert type={state.dryRun ? 'info' : 'success'} data-testid="plazo-setup-done">
        {state.dryRun ? t.setup.dryRun : t.setup.done}
      </Alert>
    );
  return (
    <Well data-testid="plazo-setup" style={{ padding: 12 }}>
      <MD isBold>{t.setup.title}</MD>
      <SM>{t.setup.intro}</SM>
      <SM data-testid="plazo-setup-missing">{t.setup.missing(state.missing.join(', '))}</SM>
      <form
        style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setProblem(await onConnect({ apiEmail: apiEmail.trim(), apiToken: apiToken.trim(), policyText }));
          setBusy(false);
        }}
      >
        <Field>
          <Label>{t.setup.email}</Label>
          <Input type="email" required value={apiEmail} onChange={(e) => setEmail(e.target.value)} data-testid="plazo-setup-email" />
        </Field>
        <Field>
          <Label>{t.setup.token}</Label>
          <Hint>{t.setup.tokenHint}</Hint>
          <Input type="password" required value={apiToken} onChange={(e) => setToken(e.target.value)} data-testid="plazo-setup-token" />
        </Field>
        <Field>
          <Label isRegular>{t.setup.policy}</Label>
          <Hint>{t.setup.policyHint}</Hint>
          <Textarea
            minRows={3}
            maxRows={10}
            value={policyText}
            onChange={(e) => setPolicyText(e.target.value)}
            data-testid="plazo-setup-policy"
          />
        </Field>
        <Button type="submit" size="small" isPrimary disabled={busy} data-testid="plazo-setup-connect">
          {t.setup.connect}
        </Button>
        {problem && (
          <Alert type="error" data-testid="plazo-setup-problem">
            {t.setup.failed(problem)}
          </Alert>
        )}
      </form>
    </Well>
  );
}
