export type PolicyDocumentResult = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * The policy JSON an admin pasted in the setup step, sent to the Worker as `policyDocument` (which validates it whole and
 * names every problem by path). Empty sends none. The app's `policy` setting selects the policy, so a pasted policy whose
 * id it does not name would be stored but never used: that is named here, before anything is sent.
 */
export function readPolicyDocument(text: string, selectedPolicy: unknown): PolicyDocumentResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: undefined };
  let document: unknown;
  try {
    document = JSON.parse(trimmed);
  } catch {
    return { ok: false, problem: 'the pasted policy must be JSON (a policy document, e.g. docs/examples/acme-hosting.json)' };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return { ok: false, problem: 'the pasted policy must be a JSON object' };
  const id = (document as { id?: unknown }).id;
  if (typeof id !== 'string' || !id) return { ok: false, problem: 'the pasted policy has no "id"' };
  const selected = typeof selectedPolicy === 'string' ? selectedPolicy.trim() : '';
  if (selected !== id)
    return { ok: false, problem: `the app's policy setting is "${selected}": set it to "${id}" to use the pasted policy` };
  return { ok: true, value: document };
}
