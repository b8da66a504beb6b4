import { fail, ok, type Result } from '@plazo/core';

/** A secret at rest: AES-256-GCM ciphertext (tag included) and its 12-byte nonce, both base64. */
export type SealedSecret = { iv: string; ciphertext: string };

const utf8 = new TextEncoder();
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** CREDENTIALS_KEY: 32 random bytes in base64 (`openssl rand -base64 32`). */
export async function importCredentialsKey(base64: string | undefined): Promise<Result<CryptoKey, 'misconfigured'>> {
  if (!base64) return fail('misconfigured', 'CREDENTIALS_KEY is not configured, so credentials cannot be stored or read');
  let raw: Uint8Array;
  try {
    raw = fromBase64(base64.trim());
  } catch {
    return fail('misconfigured', 'CREDENTIALS_KEY is not base64');
  }
  if (raw.length !== 32) return fail('misconfigured', `CREDENTIALS_KEY must be 32 bytes in base64 (it is ${raw.length})`);
  return ok(await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
}

/**
 * Encrypts with a fresh nonce; `context` (installation and secret name) is authenticated data, so a ciphertext copied to
 * another installation's row does not open there.
 */
export async function sealSecret(key: CryptoKey, plaintext: string, context: string): Promise<SealedSecret> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(context) }, key, utf8.encode(plaintext));
  return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(sealed)) };
}

/** Null when the ciphertext, its context or the key do not match: a secret that cannot be read is treated as absent. */
export async function openSecret(key: CryptoKey, sealed: SealedSecret, context: string): Promise<string | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: utf8.encode(context) },
      key,
      fromBase64(sealed.ciphertext),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
