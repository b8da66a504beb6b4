import { describe, expect, it } from 'vitest';
import { levelByRank } from './level-by-rank.js';

const zendesk = ['urgent', 'high', 'normal', 'low'];
const jira = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

describe('levelByRank', () => {
  it('spreads three priorities over four levels from the most urgent', () => {
    expect([0, 1, 2].map((r) => levelByRank(r, 3, zendesk))).toEqual(['urgent', 'high', 'normal']);
  });
  it('gives each of as many priorities as levels its own level, in order', () => {
    expect([0, 1, 2, 3, 4].map((r) => levelByRank(r, 5, jira))).toEqual(jira);
  });
  it('shares levels when a policy has more priorities than the host has levels, never past the last', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => levelByRank(r, 7, zendesk))).toEqual([
      'urgent',
      'urgent',
      'high',
      'high',
      'normal',
      'normal',
      'low',
    ]);
  });
  it('puts a lone priority at the most urgent level', () => {
    expect(levelByRank(0, 1, jira)).toBe('Highest');
  });
});
