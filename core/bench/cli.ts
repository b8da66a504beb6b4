// `npm run bench:cli`: the built CLI's cold start beside `npx node -e 0`, and a 30,000-ticket batch beside the luxon walk.
import { availableParallelism, loadavg } from 'node:os';
import { benchColdStart, formatColdStart } from './cli-cold-start.js';
import { benchCliJsonl, formatCliBench } from './cli-jsonl.js';

console.log('1. One ticket: `npx plazo evaluate` beside `npx node -e 0` (wall time)\n');
console.log(formatColdStart(benchColdStart()));
console.log('\n2. `plazo evaluate --jsonl`, 30,000 tickets, whole process, beside the luxon day walk computing the same figures\n');
console.log(formatCliBench(await benchCliJsonl({ progress: (line) => process.stderr.write(`  … ${line}\n`) })));
console.log(`load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`);
