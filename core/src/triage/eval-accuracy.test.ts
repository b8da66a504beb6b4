import { describe, expect, it } from 'vitest';
import { runEvalSet } from '../../eval/eval-set.js';

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
  it.each(['peewah', 'skedu', 'websaas', 'soporte-justo', 'infraspeak'])('decides at least 90 %% of %s tickets right', (policy) => {
    expect(rate(outcomes.filter((o) => o.case.policy === policy))).toBeGreaterThanOrEqual(0.9);
  });
});
