import { describe, expect, it } from 'vitest';
import acmeHosting from '../../docs/examples/acme-hosting.json';
import { readPolicyDocument } from '../../zendesk-app/src/setup/setup-policy-document.js';

describe('readPolicyDocument (the policy an admin pastes in the setup step)', () => {
  it('sends a pasted policy the app’s policy setting names, as the object it is', () => {
    expect(readPolicyDocument(`  ${JSON.stringify(acmeHosting)}\n`, ' acme-hosting ')).toEqual({ ok: true, value: acmeHosting });
  });

  it('sends nothing when nothing is pasted', () => {
    expect(readPolicyDocument(' \n ', 'infraspeak')).toEqual({ ok: true, value: undefined });
  });

  it('names a pasted policy the policy setting does not select, before anything is sent', () => {
    expect(readPolicyDocument(JSON.stringify(acmeHosting), 'infraspeak')).toEqual({
      ok: false,
      problem: 'the app\'s policy setting is "infraspeak": set it to "acme-hosting" to use the pasted policy',
    });
  });

  it('names text that is not a policy object with an id', () => {
    expect(readPolicyDocument('{"id": ', 'x')).toMatchObject({ ok: false, problem: /must be JSON/ });
    expect(readPolicyDocument('["acme"]', 'x')).toMatchObject({ ok: false, problem: /JSON object/ });
    expect(readPolicyDocument('{"name": "Acme"}', 'x')).toMatchObject({ ok: false, problem: /no "id"/ });
  });
});
