import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('GET /healthz', () => {
  it('answers ok without touching storage', async () => {
    const res = await exports.default.fetch('http://plazo.test/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'plazo-worker' });
  });
});
