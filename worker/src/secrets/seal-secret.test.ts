import { describe, expect, it } from 'vitest';
import { importCredentialsKey, openSecret, sealSecret } from './seal-secret.js';

const keyText = btoa(String.fromCharCode(...new Uint8Array(32).map((_, i) => i * 7)));
const otherKeyText = btoa(String.fromCharCode(...new Uint8Array(32).map((_, i) => i * 11)));
const key = async (text = keyText) => {
  const k = await importCredentialsKey(text);
  if (!k.ok) throw new Error(k.issue.detail);
  return k.value;
};

describe('sealSecret and openSecret', () => {
  it('round-trips a secret, and the ciphertext does not contain it', async () => {
    const k = await key();
    const sealed = await sealSecret(k, 'zendesk-api-token-123', 'zendesk:acme/api-token');
    expect(atob(sealed.ciphertext)).not.toContain('zendesk-api-token-123');
    expect(await openSecret(k, sealed, 'zendesk:acme/api-token')).toBe('zendesk-api-token-123');
  });

  it('uses a fresh nonce each time', async () => {
    const k = await key();
    const [a, b] = await Promise.all([sealSecret(k, 's', 'c'), sealSecret(k, 's', 'c')]);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it("does not open under another installation's context or another key", async () => {
    const sealed = await sealSecret(await key(), 'secret', 'zendesk:acme/api-token');
    expect(await openSecret(await key(), sealed, 'zendesk:globex/api-token')).toBeNull();
    expect(await openSecret(await key(otherKeyText), sealed, 'zendesk:acme/api-token')).toBeNull();
  });
});

describe('importCredentialsKey', () => {
  it('names a missing, malformed or short key', async () => {
    expect(await importCredentialsKey(undefined)).toMatchObject({ ok: false, issue: { code: 'misconfigured' } });
    expect(await importCredentialsKey('%%%')).toMatchObject({ ok: false, issue: { detail: 'CREDENTIALS_KEY is not base64' } });
    expect(await importCredentialsKey(btoa('short'))).toMatchObject({
      ok: false,
      issue: { detail: 'CREDENTIALS_KEY must be 32 bytes in base64 (it is 5)' },
    });
  });
});
