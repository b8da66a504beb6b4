import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Forge bundles each UI Kit resource itself on `forge deploy`; esbuild stands in to check what those bundles pull in.
const appDir = dirname(fileURLToPath(import.meta.url));

describe('the UI Kit resources', () => {
  for (const resource of ['src/frontend/issue-panel.tsx', 'src/frontend/admin-page.tsx']) {
    it(`${resource} bundles without core's runtime (its imports of core are types only)`, async () => {
      const result = await build({
        entryPoints: [join(appDir, resource)],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'browser',
        jsx: 'automatic',
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((path) => path.includes('node_modules/@forge/react/'))).toBe(true);
      expect(inputs.filter((path) => /(^|\/)core\/src\/|node_modules\/(zod|luxon|date-holidays)\//.test(path))).toEqual([]);
    });
  }
});
