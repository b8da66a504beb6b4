import { describe, expect, it } from 'vitest';
import { deliver, example, onIssue, recent, uniqueIds } from './support/github-deliveries.js';
import { rowCounts, settled, ticketKey } from './support/storage.js';

describe('odd but signed webhook input', () => {
  it('ignores events named after Object.prototype members instead of failing', async () => {
    const before = await rowCounts();
    for (const event of ['constructor', '__proto__', 'hasownproperty', 'tostring', 'valueof']) {
      const res = await deliver(event, { action: 'opened' });
      expect(res.status, event).toBe(202);
      expect(await res.json(), event).toMatchObject({ status: 'ignored', detail: `event "${event}" is not handled` });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('checks the signature over the bytes sent, so a body that starts with a UTF-8 byte order mark is accepted', async () => {
    const ids = uniqueIds();
    const body = `\uFEFF${JSON.stringify(onIssue(example('issues', 'opened'), ids, { createdAt: recent() }))}`;
    const res = await deliver('issues', null, { body });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'accepted', ticket: ticketKey(ids.issueId) });
    await settled(ticketKey(ids.issueId));
  });

  it('says that a correctly signed empty body is empty', async () => {
    const res = await deliver('issues', null, { body: '' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'empty-body', detail: expect.stringMatching(/empty/) } });
  });

  it('names a signed body that is not UTF-8', async () => {
    const res = await deliver('issues', null, { body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid-json', detail: expect.stringMatching(/UTF-8/) } });
  });
});
