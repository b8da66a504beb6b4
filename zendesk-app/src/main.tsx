import { type Locale, toLocale } from '@plazo/view-text';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { lazy, StrictMode, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { messages } from './messages.js';
import type { ZendeskPriority } from './plazo-api.js';
import { completeSetup, readSetup, type SetupState } from './setup/admin-setup.js';
import { Sidebar } from './sidebar.js';
import { loadSidebar, preloadEngine, readTicketContext, type SidebarLoad } from './sidebar-data.js';
import { initZafClient, type ZafClient } from './zaf-client.js';

const nowMs = () => Date.now();
// Only admins see the setup step: its form components load then, never on an agent's path to the first badge.
const SetupPanel = lazy(() => import('./setup/setup-panel.js').then((m) => ({ default: m.SetupPanel })));

function App({ client }: { client: ZafClient }) {
  const [locale, setLocale] = useState<Locale>('en');
  const [agentZone, setAgentZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [load, setLoad] = useState<SidebarLoad | null>(null);
  const [currentPriority, setCurrentPriority] = useState<string | null>(null);
  const [plazoUrl, setPlazoUrl] = useState('');
  const [subdomain, setSubdomain] = useState('');
  const [setup, setSetup] = useState<SetupState | null>(null);

  const refresh = useCallback(async () => {
    const [user, ctx] = await Promise.all([
      client.get(['currentUser.locale', 'currentUser.timeZone', 'currentUser.role', 'ticket.priority']),
      readTicketContext(client),
    ]);
    const lang = toLocale(user['currentUser.locale']);
    setLocale(lang);
    const tz = (user['currentUser.timeZone'] as { ianaName?: unknown } | undefined)?.ianaName;
    if (typeof tz === 'string' && tz) setAgentZone(tz);
    setCurrentPriority(typeof user['ticket.priority'] === 'string' ? (user['ticket.priority'] as string) : null);
    setPlazoUrl(ctx.plazoUrl);
    setSubdomain(ctx.subdomain);
    const loaded = await loadSidebar(client, ctx, messages[lang], nowMs);
    setLoad(loaded);
    // Admins see the first-run step until the Worker has what it needs; after the badges, never before them.
    if (user['currentUser.role'] === 'admin' && loaded.ok) setSetup(await readSetup(client, ctx.plazoUrl).catch(() => null));
  }, [client]);

  // ZAF handlers cannot be removed one by one here, so they are added once per app, not once per effect run.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    refresh();
    // Read the priority back rather than trusting the event's argument, whose shape ZAF documents loosely.
    client.on('ticket.priority.changed', async () => {
      const got = await client.get('ticket.priority');
      setCurrentPriority(typeof got['ticket.priority'] === 'string' ? (got['ticket.priority'] as string) : null);
    });
    // A ticket being written is previewed again when what triage reads changes.
    client.on('ticket.subject.changed', () => refresh());
    client.on('ticket.description.changed', () => refresh());
  }, [client, refresh]);

  useEffect(() => {
    if (load) client.invoke('resize', { width: '100%', height: `${Math.max(120, document.body.scrollHeight)}px` });
  });

  const onApply = useCallback(
    async (priority: ZendeskPriority) => {
      await client.set('ticket.priority', priority);
      setCurrentPriority(priority);
    },
    [client],
  );

  const t = messages[locale];
  const pauseStatuses = load?.ok ? (load.data.engine?.policy.sla.pauseStatuses ?? []) : [];
  const onConnect = useCallback(
    async (input: { apiEmail: string; apiToken: string; policyText: string }) => {
      try {
        const done = await completeSetup(client, plazoUrl, subdomain, input, pauseStatuses);
        if (!done.ok) return done.problem;
        setSetup(done.value);
        return null;
      } catch (e) {
        const err = e as { status?: number; responseText?: string };
        return `HTTP ${err.status ?? 0} ${err.responseText ?? ''}`.trim();
      }
    },
    [client, plazoUrl, subdomain, pauseStatuses],
  );
  return (
    <Sidebar
      load={load}
      locale={locale}
      t={t}
      agentZone={agentZone}
      currentPriority={currentPriority}
      onApply={onApply}
      nowMs={nowMs}
      setup={
        setup ? (
          <Suspense fallback={null}>
            <SetupPanel state={setup} t={t} onConnect={onConnect} />
          </Suspense>
        ) : null
      }
    />
  );
}

// Core (policy, calendar, triage) is a separate chunk: fetch it while Zendesk registers the app; it is parsed once.
preloadEngine();
const rootElement = document.getElementById('root')!;
const client = initZafClient();
const root = createRoot(rootElement);
if (!client) {
  root.render(<p>Plazo runs inside Zendesk: open a ticket in Zendesk Support to see it.</p>);
} else {
  // The page is framed by Zendesk; the app starts once Zendesk has registered it.
  client.on('app.registered', () => {
    root.render(
      <StrictMode>
        <ThemeProvider theme={DEFAULT_THEME}>
          <App client={client} />
        </ThemeProvider>
      </StrictMode>,
    );
  });
}
