import { describe, expect, it } from 'vitest';
import { toReadableJson } from './to-readable-json.js';

describe('toReadableJson', () => {
  it('keeps a list of numbers on one line and lays out everything else as JSON.stringify does', () => {
    const value = { labels: ['alta', 'baja'], words: { caida: [1.5, -2e-7, 0] }, targets: [{ amount: 4 }] };
    expect(toReadableJson(value)).toBe(JSON.stringify(value, null, 2).replace(/\[\n\s+1\.5,\n\s+-2e-7,\n\s+0\n\s+\]/, '[1.5, -2e-7, 0]'));
    expect(toReadableJson(value)).toContain('"caida": [1.5, -2e-7, 0]');
    expect(JSON.parse(toReadableJson(value))).toEqual(value);
  });
});
