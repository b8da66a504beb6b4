import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS without types, used only by wrangler's bundle (wrangler.toml [alias]).
import * as shakable from '../../worker/bundle/zod-shakable.mjs';

const jiraDist = join(import.meta.dirname, '../../node_modules/jira.js/dist');

/** The text without comments (jira.js documents `z.infer` in them). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every `z.<member>` (and `z.<member>.<member>`) jira.js's runtime code calls, read from its files. */
function membersJiraCalls(): Set<string> {
  const members = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js'))
        for (const m of code(readFileSync(path, 'utf8')).matchAll(/\bz\.([A-Za-z_]+)(?:\.([A-Za-z_]+)\()?/g))
          members.add(m[2] ? `${m[1]}.${m[2]}` : m[1]!);
    }
  };
  walk(join(jiraDist, 'core'));
  walk(join(jiraDist, 'cloud'));
  return members;
}

describe("the Worker bundle's zod (worker/bundle/zod-shakable.mjs)", () => {
  it('gives jira.js every zod member its code calls, so the bundle starts (upgrading jira.js re-checks this)', () => {
    const members = membersJiraCalls();
    expect(members.size).toBeGreaterThan(5);
    const missing = [...members].filter((path) => typeof path.split('.').reduce<any>((v, k) => v?.[k], shakable.z) !== 'function');
    expect(missing).toEqual([]);
  });

  it("exports zod's own API besides, so Plazo's `import * as z from 'zod'` is unchanged", async () => {
    const zod = await import('zod');
    for (const name of ['object', 'string', 'discriminatedUnion', 'iso', 'toJSONSchema', 'ZodError'])
      expect((shakable as Record<string, unknown>)[name], name).toBe((zod as Record<string, unknown>)[name]);
  });
});
