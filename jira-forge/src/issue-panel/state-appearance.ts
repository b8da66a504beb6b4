import type { LozengeProps } from '@forge/react';
import type { SlaState } from '@plazo/core';

export type LozengeAppearance = NonNullable<LozengeProps['appearance']>;

/** Each state's lozenge, in the colours Jira users already read: blue runs, yellow warns, red failed, green done, grey waits. */
export const stateAppearance: Record<SlaState, LozengeAppearance> = {
  running: 'inprogress',
  paused: 'default',
  'at-risk': 'moved',
  breached: 'removed',
  met: 'success',
};
