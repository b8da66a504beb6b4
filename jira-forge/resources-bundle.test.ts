import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Forge bundles each UI Kit resource itself on `forge deploy` (@forge/bundler: webpack with ts-loader, resolve.extensions and
// no extensionAlias); esbuild stands in here to see what those bundles pull in and which specifiers webpack will have to resolve.
const appDir = dirname(fileURLToPath(import.meta.url));

async function bundle(resource: string) {
  return build({
    entryPoints: [join(appDir, resource)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    metafile: true,
    logLevel: 'silent',
  });
}

describe('the UI Kit resources', () => {
  for (const resource of ['src/frontend/issue-panel.tsx', 'src/frontend/admin-page.tsx']) {
    it(`${resource} bundles without core's runtime (its imports of core are types only)`, async () => {
      const result = await bundle(resource);
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((path) => path.includes('node_modules/@forge/react/'))).toBe(true);
      expect(inputs.filter((path) => /(^|\/)core\/src\/|node_modules\/(zod|luxon|date-holidays)\//.test(path))).toEqual([]);
    });

    it(`${resource} names its own modules as webpack finds them: no relative import ends in .js`, async () => {
      // Webpack tries `name.js`, then `name.js.ts`…: a TypeScript file imported as `./name.js` fails `forge deploy`.
      const { metafile } = await bundle(resource);
      const ours = Object.entries(metafile.inputs).filter(([path]) => !path.includes('node_modules/'));
      const jsSpecifiers = ours.flatMap(([path, input]) =>
        input.imports.filter((i) => /^\.\.?\/.*\.js$/.test(i.original ?? '')).map((i) => `${path}: ${i.original}`),
      );
      expect(jsSpecifiers).toEqual([]);
    });
  }

  it('has a tsconfig ts-loader can emit from (noEmit makes ts-loader fail every file)', () => {
    const tsconfig = JSON.parse(readFileSync(join(appDir, 'tsconfig.json'), 'utf8')) as { compilerOptions: { noEmit?: boolean } };
    expect(tsconfig.compilerOptions.noEmit).not.toBe(true);
  });
});
