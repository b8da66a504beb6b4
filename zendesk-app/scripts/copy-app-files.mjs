// Completes dist/ as Zendesk uploads it: manifest, requirements, translations and logos beside the built assets/.
// The Worker's host is per customer: PLAZO_WORKER_HOST (default plazo.example.workers.dev) goes into domainWhitelist,
// the default Plazo URL and the webhook's endpoint, so the marketplace build is made with the customer's Worker host.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(app, 'dist');
const defaultHost = 'plazo.example.workers.dev';
const host = process.env.PLAZO_WORKER_HOST ?? defaultHost;
if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host)) {
  console.error(`PLAZO_WORKER_HOST must be a host name such as ${defaultHost}, not "${host}"`);
  process.exit(1);
}

mkdirSync(join(dist, 'translations'), { recursive: true });
for (const file of ['manifest.json', 'requirements.json']) {
  const text = readFileSync(join(app, 'static', file), 'utf8').replaceAll(defaultHost, host);
  writeFileSync(join(dist, file), text);
}
cpSync(join(app, 'static', 'translations'), join(dist, 'translations'), { recursive: true });
cpSync(join(app, 'static', 'assets'), join(dist, 'assets'), { recursive: true });
console.log(`zendesk-app/dist ready for ${host}`);
