import { describe, expect, it } from 'vitest';
import { runEvalSet, untouchedSlices } from '../../eval/eval-set.js';

describe('evaluation set', () => {
  const outcomes = runEvalSet();
  const rate = (list: typeof outcomes) => list.filter((o) => o.errors.length === 0).length / list.length;

  it('has at least 250 labelled tickets, about 30 % of them held out', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(250);
    const held = outcomes.filter((o) => o.slice === 'holdout').length / outcomes.length;
    expect(held).toBeGreaterThan(0.25);
  });
  it('decides at least 95 % of all tickets right', () => {
    expect(rate(outcomes)).toBeGreaterThanOrEqual(0.95);
  });
  it.each(['dev', 'holdout'] as const)('decides at least 99 %% of the %s slice right', (slice) => {
    expect(rate(outcomes.filter((o) => o.slice === slice))).toBeGreaterThanOrEqual(0.99);
  });
  it.each(['peewah', 'skedu', 'websaas', 'soporte-justo', 'infraspeak'])('decides at least 90 %% of %s tickets right', (policy) => {
    expect(rate(outcomes.filter((o) => o.case.policy === policy))).toBeGreaterThanOrEqual(0.9);
  });

  // The measure: slices written by people who never saw the rules, never studied and never trained on.
  it('keeps the seven untouched slices written so far, blind15 to blind21', () => {
    expect(untouchedSlices).toEqual(['blind15', 'blind16', 'blind17', 'blind18', 'blind19', 'blind20', 'blind21']);
  });
  it.each(untouchedSlices)('decides at least 95 %% of the untouched %s right', (slice) => {
    const list = runEvalSet([slice]);
    expect(list).toHaveLength(150);
    expect(rate(list)).toBeGreaterThanOrEqual(0.95);
  });
});
