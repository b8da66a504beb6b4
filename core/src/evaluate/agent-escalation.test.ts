import { describe, expect, it } from 'vitest';
import { builtInPolicies } from '../policies/built-in-policies.js';
import type { TimelineEvent } from '../ticket/ticket-schema.js';
import { agentEscalation } from './agent-escalation.js';

const skedu = builtInPolicies.get('skedu')!;
const at = (h: number) => `2026-03-02T${String(h).padStart(2, '0')}:00:00-04:00`;
const ms = (h: number) => Date.parse(at(h));
const tier = (h: number, id: string, set = true): TimelineEvent => ({ type: 'tier', at: at(h), tier: id, set });

describe('agentEscalation', () => {
  it('is the last tier set by an agent, since when it was set', () => {
    const e = agentEscalation(skedu, [tier(10, 'nivel-2'), tier(12, 'nivel-3')], ms(15));
    expect(e?.tier.id).toBe('nivel-3');
    expect(e?.atMs).toBe(ms(12));
  });

  it('falls back to the tier set before when the last one is taken back, and to none after that', () => {
    const timeline = [tier(10, 'nivel-2'), tier(12, 'nivel-3'), tier(13, 'nivel-3', false)];
    expect(agentEscalation(skedu, timeline, ms(15))?.tier.id).toBe('nivel-2');
    expect(agentEscalation(skedu, [...timeline, tier(14, 'nivel-2', false)], ms(15))).toBeNull();
  });

  it('skips tiers the policy does not have and escalations after now', () => {
    expect(agentEscalation(skedu, [tier(10, 'nivel-9')], ms(15))).toBeNull();
    expect(agentEscalation(skedu, [tier(16, 'nivel-2')], ms(15))).toBeNull();
  });
});
