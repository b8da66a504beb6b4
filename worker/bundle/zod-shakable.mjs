// zod for the Worker bundle (wrangler.toml [alias] "zod"): the same API, minus one thing esbuild cannot shake.
// jira.js writes `import { z } from 'zod'`, and esbuild keeps all of zod for a namespace used as a value (every locale,
// JSON Schema conversion: +100 KiB gzipped; Rollup and webpack shake it, esbuild does not). Named imports (`import * as z`,
// as Plazo writes them) shake as before; `z` here carries only what jira.js calls (checked by test/jira-zod-members.test.ts).
import * as zod from '../../node_modules/zod/v4/classic/external.js';

export * from '../../node_modules/zod/v4/classic/external.js';

export const z = {
  any: zod.any,
  array: zod.array,
  boolean: zod.boolean,
  coerce: { date: zod.coerce.date },
  custom: zod.custom,
  discriminatedUnion: zod.discriminatedUnion,
  enum: zod.enum,
  lazy: zod.lazy,
  literal: zod.literal,
  number: zod.number,
  object: zod.object,
  record: zod.record,
  strictObject: zod.strictObject,
  string: zod.string,
  union: zod.union,
  unknown: zod.unknown,
  url: zod.url,
};
