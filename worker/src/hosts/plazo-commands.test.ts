import { describe, expect, it } from 'vitest';
import { commandEvents, readPlazoCommands } from './plazo-commands.js';

describe('readPlazoCommands', () => {
  it('reads a milestone, an escalation and an estimate, one per line, among ordinary text', () => {
    const text = 'Hola, les comparto el plan.\n/plazo plan-delivered\n  /PLAZO escalate nivel-3\n/plazo estimate 3 días hábiles\nSaludos';
    expect(readPlazoCommands(text)).toEqual([
      { kind: 'milestone', milestone: 'plan-delivered' },
      { kind: 'tier', tier: 'nivel-3' },
      { kind: 'estimate', amount: 3, unit: 'businessDays' },
    ]);
  });

  it('reads estimates in minutes, hours and business days, with a decimal comma', () => {
    expect(readPlazoCommands('/plazo estimate 90 min\n/plazo estimate 1,5 horas\n/plazo estimate 2 business days')).toEqual([
      { kind: 'estimate', amount: 90, unit: 'minutes' },
      { kind: 'estimate', amount: 1.5, unit: 'hours' },
      { kind: 'estimate', amount: 2, unit: 'businessDays' },
    ]);
  });

  it('keeps a command it cannot read as unknown, and a "/plazo" inside a sentence as text', () => {
    expect(readPlazoCommands('/plazo estimate soon\n/plazo escalate two words\nplease run /plazo plan-delivered')).toEqual([
      { kind: 'unknown', text: 'estimate soon' },
      { kind: 'unknown', text: 'escalate two words' },
    ]);
  });

  it('reads at most 20 commands from one comment', () => {
    expect(readPlazoCommands('/plazo x\n'.repeat(50))).toHaveLength(20);
  });

  it('makes timeline events of the commands it read, none of unknown ones', () => {
    const at = '2026-03-02T15:00:00Z';
    expect(commandEvents(readPlazoCommands('/plazo plan-delivered\n/plazo tier nivel-2\n/plazo what now?'), at)).toEqual([
      { type: 'milestone', at, milestone: 'plan-delivered', reached: true },
      { type: 'tier', at, tier: 'nivel-2', set: true },
    ]);
  });
});
