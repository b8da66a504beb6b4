import type * as z from 'zod';

/** Objects whose keys are only languages: one text, read by whichever language a reader picks. */
const LOCALES: ReadonlySet<string> = new Set(['es', 'en', 'pt']);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * Every field path a schema admits, as `intake.afterHours.message` and `priorities[].targets.resolution.amount` (array
 * elements as `[]`). Localized texts and records are one field each: reading any of their keys reads them.
 */
export function policyFieldPaths(schema: z.ZodType): string[] {
  return [...fieldGroups(schema).keys()].sort();
}

/**
 * Each field path with the paths of the same field of the same object schema used elsewhere (a target is one schema under
 * `targets`, `priorities[].targets` and `categories[].targets`): code reads a field by its type, so reading one reads all.
 */
export function fieldGroups(schema: z.ZodType): Map<string, string[]> {
  const bySchemaField = new Map<unknown, Map<string, string[]>>();
  const paths = new Map<string, string[]>();
  walk(schema, '', (path, shape, key) => {
    const fields = bySchemaField.get(shape) ?? new Map<string, string[]>();
    bySchemaField.set(shape, fields);
    const group = fields.get(key) ?? [];
    fields.set(key, group);
    group.push(path);
    paths.set(path, group);
  });
  return paths;
}

type Visit = (path: string, shape: unknown, key: string) => void;

function walk(schema: unknown, path: string, out: Visit): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      if (keys.length > 0 && keys.every((k) => LOCALES.has(k))) return;
      for (const key of keys) {
        const child = path === '' ? key : `${path}.${key}`;
        out(child, shape, key);
        walk(shape[key], child, out);
      }
      return;
    }
    case 'array':
      walk(def.element, `${path}[]`, out);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def.innerType, path, out);
      return;
    case 'pipe':
      walk(defOf(def.in).type === 'transform' ? def.out : def.in, path, out);
      return;
    case 'union':
      for (const option of def.options as unknown[]) walk(option, path, out);
      return;
    case 'lazy':
      walk((def.getter as () => unknown)(), path, out);
      return;
    default:
      return;
  }
}

/**
 * A deep view of `value` that records the field path of every own property read through it (`[]` for array elements).
 * The same object always gives the same view, so code comparing objects by identity behaves as on the plain value.
 */
export function recordReads<T extends object>(value: T, reads: Set<string>): T {
  const views = new WeakMap<object, unknown>();
  const view = (target: object, path: string): unknown => {
    const known = views.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        const got = Reflect.get(t, key, receiver);
        if (typeof key !== 'string') return got;
        // An absent optional field read is read all the same: `category.targets?.firstResponse` asks for it.
        const child = Array.isArray(t) ? (/^\d+$/.test(key) ? `${path}[]` : null) : path === '' ? key : `${path}.${key}`;
        if (child === null || !(Object.hasOwn(t, key) || !(key in t))) return got;
        if (!Array.isArray(t)) reads.add(child);
        return typeof got === 'object' && got !== null ? view(got, child) : got;
      },
    });
    views.set(target, proxy);
    return proxy;
  };
  return view(value, '') as T;
}
