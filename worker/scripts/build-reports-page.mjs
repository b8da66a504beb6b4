// Builds the admin reports page's script (worker/reports-page → worker/public/admin/reports/reports-page.js) with Chart.js,
// as a static asset served beside the Worker: none of it enters the Worker's script bundle. Run by npm run build, npm start
// and wrangler (wrangler.toml [build]); --metafile prints the page's own size.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from './wrangler-local.mjs';

const outfile = join(root, 'worker', 'public', 'admin', 'reports', 'reports-page.js');
const result = await build({
  entryPoints: [join(root, 'worker', 'reports-page', 'reports-page.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  legalComments: 'linked',
  write: false,
});
const { writeFileSync } = await import('node:fs');
for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
if (process.argv.includes('--size')) {
  const js = result.outputFiles.find((f) => f.path === outfile);
  console.log(
    `reports-page.js: ${(js.contents.length / 1024).toFixed(1)} KiB, ${(gzipSync(js.contents).length / 1024).toFixed(1)} KiB gzipped`,
  );
}
