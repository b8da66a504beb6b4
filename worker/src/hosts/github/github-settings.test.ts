import { builtInPolicies } from '@plazo/core';
import { describe, expect, it } from 'vitest';
import { priorityLabel, rankColor } from './github-settings.js';

const policy = (id: string) => {
  const found = builtInPolicies.get(id);
  if (!found) throw new Error(`no built-in policy ${id}`);
  return found;
};

describe('priorityLabel', () => {
  it('names a priority "priority: <id>" in the colour of its rank, red for the most severe and green for the least', () => {
    const infraspeak = policy('infraspeak');
    expect(infraspeak.priorities.map((p) => priorityLabel({}, infraspeak, p.id))).toMatchObject([
      { name: 'priority: urgente', color: 'b60205' },
      { name: 'priority: alta', color: 'd93f0b' },
      { name: 'priority: media', color: 'fbca04' },
      { name: 'priority: baja', color: '0e8a16' },
    ]);
    const websaas = policy('websaas');
    expect(websaas.priorities.map((p) => priorityLabel({}, websaas, p.id).color)).toEqual(['b60205', 'fbca04', '0e8a16']);
  });

  it('spreads any number of priorities from red to green', () => {
    expect([rankColor(0, 1)]).toEqual(['b60205']);
    expect([0, 1].map((r) => rankColor(r, 2))).toEqual(['b60205', '0e8a16']);
    expect([0, 1, 2, 3, 4].map((r) => rankColor(r, 5))).toEqual(['b60205', 'd93f0b', 'fbca04', 'fbca04', '0e8a16']);
  });

  it("takes an installation's or repository's label over the default, key by key", () => {
    const peewah = policy('peewah');
    const settings = { labels: { priorities: { alta: { color: '#D73A4A' }, baja: { name: 'P3' } } } };
    expect(priorityLabel(settings, peewah, 'alta')).toMatchObject({ name: 'priority: alta', color: 'd73a4a' });
    expect(priorityLabel(settings, peewah, 'baja')).toMatchObject({ name: 'P3', color: '0e8a16' });
  });
});
