import { describe, expect, it } from 'vitest';
import { problemField, problemsByField } from './problems-by-field';

describe('problemsByField', () => {
  it('files each problem under the field its path names', () => {
    expect(['projects.SUP.policy', 'priorityMap.alta', 'pauseStatuses[2]', 'agents.group', 'policy', '(root)'].map(problemField)).toEqual([
      'projects.SUP',
      'priorityMap.alta',
      'pauseStatuses',
      'agents.group',
      'policy',
      '(root)',
    ]);
    expect(
      problemsByField([
        { path: 'pauseStatuses[0]', message: 'a' },
        { path: 'pauseStatuses[1]', message: 'b' },
      ]).get('pauseStatuses'),
    ).toEqual(['a', 'b']);
  });
});
