import infraspeak from '../../policies/infraspeak.json' with { type: 'json' };
import infraspeakModel from '../../policies/models/infraspeak.json' with { type: 'json' };
import peewahModel from '../../policies/models/peewah.json' with { type: 'json' };
import skeduModel from '../../policies/models/skedu.json' with { type: 'json' };
import soporteJustoModel from '../../policies/models/soporte-justo.json' with { type: 'json' };
import websaasModel from '../../policies/models/websaas.json' with { type: 'json' };
import peewah from '../../policies/peewah.json' with { type: 'json' };
import skedu from '../../policies/skedu.json' with { type: 'json' };
import soporteJusto from '../../policies/soporte-justo.json' with { type: 'json' };
import websaas from '../../policies/websaas.json' with { type: 'json' };
import { formatPath } from '../policy/parse-policy.js';
import { type Policy, policySchema } from '../policy/policy-schema.js';

/**
 * The five vendor policies, read from the seeds. The tests check each whole, as `parsePolicy` checks an uploaded one
 * (shape, zone, holidays, triage rules); at run time they are read by the schema alone.
 */
// Pure calls: a bundle that never reads the files (the Worker reads them from its assets) drops them and their models.
export const builtInPolicyFiles: Readonly<Record<string, unknown>> = {
  peewah: /* @__PURE__ */ withModel(peewah, peewahModel),
  skedu: /* @__PURE__ */ withModel(skedu, skeduModel),
  websaas: /* @__PURE__ */ withModel(websaas, websaasModel),
  'soporte-justo': /* @__PURE__ */ withModel(soporteJusto, soporteJustoModel),
  infraspeak: /* @__PURE__ */ withModel(infraspeak, infraspeakModel),
};

/** A policy file with its text model (`core/policies/models/<id>.json`, written by `npm run train`) as `triage.model`. */
function withModel(policy: { triage: object }, model: unknown): unknown {
  return { ...policy, triage: { ...policy.triage, model } };
}

/**
 * A read-only map of policy documents by id that reads each through the schema on its first `get` and keeps it: core's built-in
 * policies, or the same documents wherever a host keeps them (the Worker reads them from its static assets). Listing ids
 * (`keys`, `has`, `size`) reads nothing; no calendar or triage is compiled here: evaluating a ticket compiles its policy's on
 * first use (policyCalendar, compileTriage), so a process that uses one policy pays for one.
 */
export class LazyPolicyMap implements ReadonlyMap<string, Policy> {
  readonly #files: ReadonlyMap<string, unknown>;
  readonly #parsed = new Map<string, Policy>();

  constructor(files: Readonly<Record<string, unknown>>) {
    this.#files = new Map(Object.entries(files));
  }

  get size(): number {
    return this.#files.size;
  }

  has(id: string): boolean {
    return this.#files.has(id);
  }

  get(id: string): Policy | undefined {
    const hit = this.#parsed.get(id);
    if (hit || !this.#files.has(id)) return hit;
    const parsed = policySchema.safeParse(this.#files.get(id));
    // A broken built-in policy is a programmer error, caught by the tests.
    if (!parsed.success)
      throw new Error(`built-in policy ${id} is invalid: ${parsed.error.issues.map((i) => formatPath(i.path)).join(', ')}`);
    this.#parsed.set(id, parsed.data);
    return parsed.data;
  }

  keys(): MapIterator<string> {
    return this.#files.keys();
  }

  *values(): MapIterator<Policy> {
    for (const id of this.#files.keys()) yield this.get(id)!;
  }

  *entries(): MapIterator<[string, Policy]> {
    for (const id of this.#files.keys()) yield [id, this.get(id)!];
  }

  [Symbol.iterator](): MapIterator<[string, Policy]> {
    return this.entries();
  }

  forEach(callback: (value: Policy, key: string, map: ReadonlyMap<string, Policy>) => void, thisArg?: unknown): void {
    for (const [id, policy] of this.entries()) callback.call(thisArg, policy, id, this);
  }
}

// Pure: a bundle that never reads the embedded policies (the Worker) leaves them and their JSON out.
export const builtInPolicies: ReadonlyMap<string, Policy> = /* @__PURE__ */ new LazyPolicyMap(builtInPolicyFiles);
