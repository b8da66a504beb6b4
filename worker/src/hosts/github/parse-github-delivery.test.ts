import { describe, expect, it } from 'vitest';
import { parseGitHubDelivery } from './parse-github-delivery.js';

const meta = (event: string) => ({ id: '72d3162e-cc78-11e3-81ab-4c9367dc0958', event });

describe('parseGitHubDelivery', () => {
  it('ignores events and actions named after Object.prototype members', () => {
    for (const event of ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf']) {
      expect(parseGitHubDelivery(meta(event), { action: 'opened' }), event).toEqual({
        ok: true,
        value: { kind: 'ignore', reason: `event "${event}" is not handled` },
      });
    }
    for (const action of ['constructor', '__proto__', 'toString']) {
      expect(parseGitHubDelivery(meta('issues'), { action }), action).toEqual({
        ok: true,
        value: { kind: 'ignore', reason: `issues.${action} is not handled` },
      });
    }
  });
});
