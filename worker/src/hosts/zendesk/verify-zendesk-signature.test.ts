import { describe, expect, it } from 'vitest';
import { verifyZendeskSignature, ZENDESK_REPLAY_WINDOW_MS } from './verify-zendesk-signature.js';

const secret = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';
const body = new TextEncoder().encode('{"type":"zen:event-type:ticket.created","id":"1"}');
const timestamp = '2026-12-06T10:00:00Z';
const now = Date.parse(timestamp);

async function sign(key: string, ts: string, bytes: Uint8Array): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const data = new Uint8Array([...new TextEncoder().encode(ts), ...bytes]);
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', k, data))));
}

const headersOf = (signature: string | null, ts: string | null) => {
  const h = new Headers();
  if (signature !== null) h.set('X-Zendesk-Webhook-Signature', signature);
  if (ts !== null) h.set('X-Zendesk-Webhook-Signature-Timestamp', ts);
  return h;
};

describe('verifyZendeskSignature', () => {
  it('accepts a delivery signed as Zendesk signs it: base64 HMAC-SHA256 of timestamp then body', async () => {
    const result = await verifyZendeskSignature(headersOf(await sign(secret, timestamp, body), timestamp), body, [secret], now);
    expect(result).toEqual({ ok: true, value: { signedAt: timestamp, secretIndex: 0 } });
  });

  it("matches a vector made with Node's createHmac as Zendesk's verifying guide does (timestamp + body, the secret's text as key)", async () => {
    // node -e "crypto.createHmac('sha256', KEY).update(TS + BODY).digest('base64')" with the guide's sample key, body and timestamp.
    const key = 'HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=';
    const ts = '2021-07-25T10:00:00Z';
    const signature = 'Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=';
    const result = await verifyZendeskSignature(
      headersOf(signature, ts),
      new TextEncoder().encode('{"say": "hello"}'),
      [key],
      Date.parse(ts),
    );
    expect(result.ok).toBe(true);
  });

  it('finds the secret that signed among several and says which', async () => {
    const result = await verifyZendeskSignature(headersOf(await sign('other', timestamp, body), timestamp), body, [secret, 'other'], now);
    expect(result).toMatchObject({ ok: true, value: { secretIndex: 1 } });
  });

  it('refuses a body changed after signing', async () => {
    const signature = await sign(secret, timestamp, body);
    const changed = new TextEncoder().encode('{"type":"zen:event-type:ticket.created","id":"2"}');
    const result = await verifyZendeskSignature(headersOf(signature, timestamp), changed, [secret], now);
    expect(result).toMatchObject({ ok: false, issue: { code: 'bad-signature' } });
  });

  it('refuses a signature made over the body then the timestamp (the order matters)', async () => {
    const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const data = new Uint8Array([...body, ...new TextEncoder().encode(timestamp)]);
    const reversed = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', k, data))));
    const result = await verifyZendeskSignature(headersOf(reversed, timestamp), body, [secret], now);
    expect(result).toMatchObject({ ok: false, issue: { code: 'bad-signature' } });
  });

  it('names a missing signature or timestamp header', async () => {
    expect(await verifyZendeskSignature(headersOf(null, timestamp), body, [secret], now)).toMatchObject({
      ok: false,
      issue: { code: 'missing-signature', detail: 'X-Zendesk-Webhook-Signature is missing' },
    });
    const signature = await sign(secret, timestamp, body);
    expect(await verifyZendeskSignature(headersOf(signature, null), body, [secret], now)).toMatchObject({
      ok: false,
      issue: { code: 'missing-signature', detail: 'X-Zendesk-Webhook-Signature-Timestamp is missing' },
    });
  });

  it('refuses everything when no secret is configured', async () => {
    const result = await verifyZendeskSignature(headersOf(await sign(secret, timestamp, body), timestamp), body, [], now);
    expect(result).toMatchObject({ ok: false, issue: { code: 'bad-signature' } });
  });

  it('refuses a malformed signature or timestamp with its problem named', async () => {
    expect(await verifyZendeskSignature(headersOf('not base64!', timestamp), body, [secret], now)).toMatchObject({
      ok: false,
      issue: { detail: 'X-Zendesk-Webhook-Signature is not a base64 SHA-256 digest' },
    });
    const signature = await sign(secret, 'yesterday', body);
    expect(await verifyZendeskSignature(headersOf(signature, 'yesterday'), body, [secret], now)).toMatchObject({
      ok: false,
      issue: { detail: 'X-Zendesk-Webhook-Signature-Timestamp is not an ISO 8601 instant' },
    });
  });

  it('accepts a timestamp at the edge of the replay window and refuses one just past it, either way', async () => {
    const signature = await sign(secret, timestamp, body);
    const at = (offset: number) => verifyZendeskSignature(headersOf(signature, timestamp), body, [secret], now + offset);
    expect((await at(ZENDESK_REPLAY_WINDOW_MS)).ok).toBe(true);
    expect(await at(ZENDESK_REPLAY_WINDOW_MS + 1)).toMatchObject({ ok: false, issue: { code: 'stale-signature' } });
    expect(await at(-ZENDESK_REPLAY_WINDOW_MS - 1)).toMatchObject({ ok: false, issue: { code: 'stale-signature' } });
  });

  it('checks an empty body (Zendesk signs the timestamp alone)', async () => {
    const empty = new Uint8Array(0);
    const result = await verifyZendeskSignature(headersOf(await sign(secret, timestamp, empty), timestamp), empty, [secret], now);
    expect(result.ok).toBe(true);
  });
});
