import { Heading, Inline, Lozenge, SectionMessage, Spinner, Stack, Tag, TagGroup, Text, Tooltip } from '@forge/react';
import type { FlagModel, PanelModel, ReasonModel, TargetModel } from './panel-model';

/** The issue panel for one model: the decided priority and why, one lozenge per target, the flags; or why there is none. */
export function IssuePanel({ model }: { model: PanelModel }) {
  if (model.kind === 'loading') return <Spinner label={model.text} testId="plazo-loading" />;
  if (model.kind === 'notice') {
    return (
      <SectionMessage appearance={model.appearance} title={model.title} testId={model.testId}>
        <Text>{model.detail}</Text>
      </SectionMessage>
    );
  }
  return (
    <Stack space="space.200" testId="plazo-panel">
      <Stack space="space.050">
        <Text size="small">{model.decidedLabel}</Text>
        <Inline space="space.100" alignBlock="center">
          <Heading size="small" testId="plazo-priority">
            {model.priority}
          </Heading>
          {model.hostPriority && <Text testId="plazo-host-priority">{model.hostPriority}</Text>}
        </Inline>
        {model.reasons.length > 0 && <Reasons label={model.whyLabel} reasons={model.reasons} />}
      </Stack>
      {model.excluded && (
        <Stack space="space.050" testId="plazo-excluded">
          <Lozenge appearance="default">{model.excluded.title}</Lozenge>
          <Text>{model.excluded.description}</Text>
          <Text>{model.excluded.note}</Text>
        </Stack>
      )}
      {model.targets.map((target) => (
        <Target key={target.target} target={target} />
      ))}
      {model.flags.length > 0 && <Flags label={model.flagsLabel} flags={model.flags} missing={model.missing} />}
      <Text size="small" color="color.text.subtlest" testId="plazo-evaluated-at">
        {model.evaluatedAt}
      </Text>
    </Stack>
  );
}

function Reasons({ label, reasons }: { label: string; reasons: ReasonModel[] }) {
  return (
    <Stack space="space.050" testId="plazo-reasons">
      <Text weight="medium">{label}</Text>
      {reasons.map((r) => (
        <Stack key={r.rule + r.text} space="space.025">
          <Text>
            {r.text} ({r.confidence})
          </Text>
          {r.evidence.length > 0 && (
            <TagGroup>
              {r.evidence.map((word) => (
                <Tag key={word} text={word} />
              ))}
            </TagGroup>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

function Target({ target }: { target: TargetModel }) {
  return (
    <Stack space="space.050" testId={`plazo-target-${target.target}`}>
      <Inline space="space.100" alignBlock="center">
        <Text weight="medium">{target.name}</Text>
        <Lozenge appearance={target.appearance} isBold testId={`plazo-state-${target.target}`}>
          {target.stateLabel}
        </Lozenge>
      </Inline>
      <Text testId={`plazo-remaining-${target.target}`}>{target.line}</Text>
      {target.pausedNote && <Text size="small">{target.pausedNote}</Text>}
      {target.due && (
        <Text size="small" testId={`plazo-due-${target.target}`}>
          {target.due}
        </Text>
      )}
    </Stack>
  );
}

function Flags({ label, flags, missing }: { label: string; flags: FlagModel[]; missing: string | null }) {
  return (
    <Stack space="space.050" testId="plazo-flags">
      <Text weight="medium">{label}</Text>
      <Inline space="space.050" shouldWrap>
        {flags.map((flag) => (
          <Tooltip key={flag.id} content={flag.explanation ?? flag.name}>
            <Lozenge appearance="moved" testId={`plazo-flag-${flag.id}`}>
              {flag.name}
            </Lozenge>
          </Tooltip>
        ))}
      </Inline>
      {missing && <Text testId="plazo-missing">{missing}</Text>}
    </Stack>
  );
}
