import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { copyFacts, getFacts, insertFacts } from './tickets.js';

describe('ticket facts', () => {
  it('reads facts of one instant in the order they arrived, not by their keys, also after a move', async () => {
    const key = `test:facts:${crypto.randomUUID()}`;
    const at = '2026-12-07T00:00:00Z';
    await insertFacts(env.DB, key, [{ eventKey: 'tags:z', at, data: { added: ['status_manufacturer'] } }]).run();
    await insertFacts(env.DB, key, [
      { eventKey: 'tags:a', at, data: { removed: ['status_manufacturer'] } },
      { eventKey: 'early', at: '2026-12-06T23:59:59Z', data: {} },
    ]).run();
    expect((await getFacts(env.DB, key)).map((f) => f.eventKey)).toEqual(['early', 'tags:z', 'tags:a']);
    const moved = `${key}:moved`;
    await copyFacts(env.DB, key, moved).run();
    expect((await getFacts(env.DB, moved)).map((f) => f.eventKey)).toEqual(['early', 'tags:z', 'tags:a']);
  });
});
