import type { TargetStatus } from '@plazo/core';
import {
  explainReason,
  flagName,
  formatDuration,
  formatInstant,
  type Locale,
  localized,
  missingLabels,
  reasonForFlag,
} from '@plazo/view-text';
import { Accordion } from '@zendeskgarden/react-accordions';
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert, Well } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { Tooltip } from '@zendeskgarden/react-tooltips';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useMemo, useState } from 'react';
import { agentNote } from './agent-note.js';
import type { Messages } from './messages.js';
import type { ZendeskPriority } from './plazo-api.js';
import type { SidebarData, SidebarLoad } from './sidebar-data.js';

/** Each state's Garden hue. */
const stateHue = { running: 'blue', paused: 'grey', 'at-risk': 'yellow', breached: 'red', met: 'green' } as const;

export type SidebarProps = {
  load: SidebarLoad | null;
  locale: Locale;
  t: Messages;
  agentZone: string;
  currentPriority: string | null;
  onApply: (priority: ZendeskPriority) => Promise<void>;
  nowMs: () => number;
  /** The admin's first-run step, when it applies. */
  setup?: React.ReactNode;
};

/** Re-renders at every minute boundary and at the next threshold, whichever is first: the countdown needs no network call. */
function useTicking(data: SidebarData | null, nowMs: () => number): number {
  const [now, setNow] = useState(nowMs);
  useEffect(() => {
    if (!data?.engine) return;
    const engine = data.engine;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const current = nowMs();
      const untilThresholds = [data.evaluation.sla.firstResponse, data.evaluation.sla.resolution]
        .filter((s): s is TargetStatus => s !== null)
        .map((s) => engine.statusAt(s, current).nextThresholdAt)
        .filter((at): at is string => at !== null)
        .map((at) => Date.parse(at) - current + 1);
      const wait = Math.max(0, Math.min(60_000 - (current % 60_000), ...untilThresholds));
      timer = setTimeout(() => {
        setNow(nowMs());
        arm();
      }, wait);
    };
    arm();
    return () => clearTimeout(timer);
  }, [data, nowMs]);
  return now;
}

export function Sidebar({ load, locale, t, agentZone, currentPriority, onApply, nowMs, setup }: SidebarProps) {
  const data = load?.ok ? load.data : null;
  const now = useTicking(data, nowMs);
  if (!load) {
    return (
      <Frame>
        <Dots aria-label={t.loading} />
      </Frame>
    );
  }
  if (!load.ok) {
    return (
      <Frame>
        <Alert type="warning" data-testid="plazo-problem">
          <Alert.Title>{t.title}</Alert.Title>
          {load.problem}
        </Alert>
      </Frame>
    );
  }
  return (
    <Frame>
      <Decision data={load.data} t={t} locale={locale} currentPriority={currentPriority} onApply={onApply} />
      <Badges data={load.data} t={t} locale={locale} agentZone={agentZone} now={now} />
      <Flags data={load.data} t={t} locale={locale} />
      <ForAgent data={load.data} t={t} locale={locale} />
      {setup}
    </Frame>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <main data-testid="plazo-sidebar" style={{ display: 'flex', flexDirection: 'column', gap: 12, padding: 4 }}>
      {children}
    </main>
  );
}

function priorityLabel(data: SidebarData, locale: Locale, id: string): string {
  return data.engine?.policy.priorities.find((p) => p.id === id)?.labels[locale] ?? id;
}

function Decision(props: {
  data: SidebarData;
  t: Messages;
  locale: Locale;
  currentPriority: string | null;
  onApply: (p: ZendeskPriority) => Promise<void>;
}) {
  const { data, t, locale, currentPriority, onApply } = props;
  const [applying, setApplying] = useState(false);
  const ev = data.evaluation;
  const decided = ev.priority ? priorityLabel(data, locale, ev.priority) : t.noPriority;
  const target = data.hostPriority;
  const differs = target !== null && currentPriority !== target;
  const current =
    currentPriority && Object.hasOwn(t.hostPriority, currentPriority) ? t.hostPriority[currentPriority as ZendeskPriority] : '—';
  const reasons = ev.reasons;
  const policy = data.engine?.policy ?? null;
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });
  return (
    <section aria-label={t.decided}>
      {data.source === 'preview' && (
        <Well isRecessed data-testid="plazo-preview" style={{ marginBottom: 8, padding: 8 }}>
          <Tag hue="kale">{t.preview}</Tag> <SM>{t.previewDetail}</SM>
        </Well>
      )}
      <SM>{t.decided}</SM>
      <MD isBold data-testid="plazo-priority">
        {decided}
        {target && <SM tag="span"> · {t.zendeskShows(t.hostPriority[target])}</SM>}
      </MD>
      {differs && (
        <Alert type="warning" data-testid="plazo-mismatch" style={{ marginTop: 8 }}>
          {t.differs(decided, t.hostPriority[target], current)}
          <div style={{ marginTop: 8 }}>
            <Button
              size="small"
              isPrimary
              disabled={applying}
              data-testid="plazo-apply"
              onClick={async () => {
                setApplying(true);
                try {
                  await onApply(target);
                } finally {
                  setApplying(false);
                }
              }}
            >
              {t.apply(t.hostPriority[target])}
            </Button>
          </div>
        </Alert>
      )}
      {reasons.length > 0 && (
        <Accordion level={4} isCompact isCollapsible defaultExpandedSections={[]} style={{ marginTop: 8 }}>
          <Accordion.Section>
            <Accordion.Header>
              <Accordion.Label data-testid="plazo-why">{t.why}</Accordion.Label>
            </Accordion.Header>
            <Accordion.Panel>
              <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid="plazo-reasons">
                {reasons.map((r) => (
                  <li key={r.rule + r.detail} data-rule={r.rule} title={r.rule}>
                    <SM>
                      {explainReason(r, ev, policy, locale, t)}{' '}
                      <span style={{ opacity: 0.7 }}>({t.confidence(percent.format(r.confidence))})</span>
                    </SM>
                    {r.evidence.length > 0 && (
                      <SM>
                        {t.matched}:{' '}
                        {r.evidence.map((w) => (
                          <Tag key={w} size="small" hue="grey" style={{ marginInlineEnd: 4 }}>
                            {w}
                          </Tag>
                        ))}
                      </SM>
                    )}
                  </li>
                ))}
              </ul>
            </Accordion.Panel>
          </Accordion.Section>
        </Accordion>
      )}
    </section>
  );
}

function Badges({ data, t, locale, agentZone, now }: { data: SidebarData; t: Messages; locale: Locale; agentZone: string; now: number }) {
  const ev = data.evaluation;
  const exclusion = ev.exclusion ? data.engine?.policy.exclusions.find((e) => e.id === ev.exclusion?.id) : undefined;
  const statuses = useMemo(
    () =>
      (['firstResponse', 'resolution'] as const)
        .map((name) => ev.sla[name])
        .filter((s): s is TargetStatus => s !== null)
        .map((s) => (data.engine ? data.engine.statusAt(s, now) : s)),
    [ev, data.engine, now],
  );
  if (ev.excluded) {
    return (
      <section data-testid="plazo-badge-excluded">
        <Tag hue="grey" size="large">
          {t.excluded(flagName(ev.exclusion?.id ?? '', t))}
        </Tag>
        <SM>{localized(exclusion?.description, locale) ?? ev.exclusion?.description ?? ''}</SM>
        <SM>{t.noDeadlines}</SM>
      </section>
    );
  }
  return (
    <section style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {statuses.map((s) => (
        <Badge key={s.target} status={s} t={t} locale={locale} agentZone={agentZone} policyZone={data.policyZone} />
      ))}
    </section>
  );
}

function Badge(props: { status: TargetStatus; t: Messages; locale: Locale; agentZone: string; policyZone: string | null }) {
  const { status: s, t, locale, agentZone, policyZone } = props;
  const business = s.clock === 'business';
  let line: string;
  if (s.state === 'met') line = t.metAt(formatInstant(s.metAt ?? s.dueAt, locale, agentZone));
  else if (s.state === 'breached')
    line = s.metAt ? t.metAt(formatInstant(s.metAt, locale, agentZone)) : t.overdue(formatDuration(s.remainingMs), business);
  else line = t.remaining(formatDuration(s.remainingMs), business);
  const zone = policyZone ?? 'UTC';
  return (
    <div data-testid={`plazo-badge-${s.target}`} data-state={s.state} style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <SM isBold>{t.target[s.target]}</SM>
        <Tag hue={stateHue[s.state]} data-testid={`plazo-state-${s.target}`}>
          {t.state[s.state]}
        </Tag>
      </div>
      <MD data-testid={`plazo-remaining-${s.target}`}>{line}</MD>
      {s.state === 'paused' && <SM>{t.pausedNote}</SM>}
      {s.state !== 'met' && (
        <SM data-testid={`plazo-due-${s.target}`}>
          {t.dueYours(formatInstant(s.dueAt, locale, agentZone))} · {t.duePolicy(formatInstant(s.dueAt, locale, zone), zone)}
        </SM>
      )}
    </div>
  );
}

function Flags({ data, t, locale }: { data: SidebarData; t: Messages; locale: Locale }) {
  const evaluation = data.evaluation;
  const policy = data.engine?.policy ?? null;
  if (evaluation.flags.length === 0) return null;
  const missing = evaluation.reasons.filter((r) => r.missing && evaluation.flags.some((f) => r.rule === `intake:${f}`));
  return (
    <section data-testid="plazo-flags">
      <SM isBold>{t.flags}</SM>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {evaluation.flags.map((flag) => {
          const reason = reasonForFlag(flag, evaluation, policy);
          const name = flagName(flag, t);
          return (
            <Tooltip key={flag} content={reason ? explainReason(reason, evaluation, policy, locale, t) : name}>
              <Tag hue={reason?.missing ? 'yellow' : 'grey'} data-flag={flag}>
                {name}
              </Tag>
            </Tooltip>
          );
        })}
      </div>
      {missing.map((r) => (
        <SM key={r.rule} data-testid="plazo-missing">
          {t.missing}: {missingLabels(r, policy, locale).join(', ')}
        </SM>
      ))}
      {evaluation.reasons
        .filter((r) => r.rule === 'intake:after-hours')
        .map((r) => (
          <SM key={r.rule} data-testid="plazo-after-hours">
            {explainReason(r, evaluation, policy, locale, t)}
          </SM>
        ))}
    </section>
  );
}

/** The policy's agent messages (routing channel, tier, hints), rebuilt in the agent's language from their codes and the policy. */
function ForAgent({ data, t, locale }: { data: SidebarData; t: Messages; locale: Locale }) {
  const policy = data.engine?.policy ?? null;
  const notes = (data.evaluation.messages ?? []).filter((m) => m.audience === 'agent');
  if (notes.length === 0) return null;
  return (
    <section data-testid="plazo-for-agent">
      <SM isBold>{t.forAgent.title}</SM>
      {notes.map((m) => (
        <SM key={m.code} data-code={m.code}>
          {agentNote(m, policy, locale, t)}
        </SM>
      ))}
    </section>
  );
}
