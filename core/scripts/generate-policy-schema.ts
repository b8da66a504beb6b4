// Writes core/plazo-policy.schema.json from the zod policy schema; policy files point editors at it with "$schema".
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toPolicyJsonSchema } from '../src/policy/policy-json-schema.js';

const target = fileURLToPath(new URL('../plazo-policy.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(toPolicyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
