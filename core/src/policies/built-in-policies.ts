import infraspeak from '../../policies/infraspeak.json' with { type: 'json' };
import peewah from '../../policies/peewah.json' with { type: 'json' };
import skedu from '../../policies/skedu.json' with { type: 'json' };
import soporteJusto from '../../policies/soporte-justo.json' with { type: 'json' };
import websaas from '../../policies/websaas.json' with { type: 'json' };
import { parsePolicy } from '../policy/parse-policy.js';
import type { Policy } from '../policy/policy-schema.js';

/** The five vendor policies, read from the seeds; each is checked by the same schema as an uploaded policy. */
export const builtInPolicyFiles: Readonly<Record<string, unknown>> = {
  peewah,
  skedu,
  websaas,
  'soporte-justo': soporteJusto,
  infraspeak,
};

function load(): ReadonlyMap<string, Policy> {
  const out = new Map<string, Policy>();
  for (const [id, file] of Object.entries(builtInPolicyFiles)) {
    const parsed = parsePolicy(file);
    // A broken built-in policy is a programmer error, caught by the tests.
    if (!parsed.ok) throw new Error(`built-in policy ${id} is invalid: ${JSON.stringify(parsed.issue.problems)}`);
    out.set(id, parsed.value);
  }
  return out;
}

export const builtInPolicies: ReadonlyMap<string, Policy> = load();
