/** Every path to a value inside a payload, so a fuzzed mutation can reach any field a host sends. */
export function payloadPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => payloadPaths(v, [...prefix, k]))];
}

/** Replaces (or, outside arrays, removes) the value at `path` in place; the root itself is left alone. */
export function mutatePayload(payload: Record<string, any>, path: (string | number)[], replacement: unknown, remove: boolean): void {
  if (path.length === 0) return;
  let target: any = payload;
  for (const key of path.slice(0, -1)) target = target[key];
  const last = path.at(-1)!;
  if (remove && !Array.isArray(target)) delete target[last];
  else target[last] = replacement;
}
