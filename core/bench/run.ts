// `npm run bench`: every core benchmark in one run, so each figure stands beside its baseline.
import { benchColdStart, formatColdStart } from './cli-cold-start.js';
import { benchCliJsonl, formatCliBench } from './cli-jsonl.js';
import { benchDeadlines, formatBench } from './deadlines.js';
import { benchTriage, formatTriageBench } from './triage.js';
import { benchWorstCase, formatWorstCase } from './worst-case.js';

console.log('1. Deadlines through the core API, beside a luxon day-by-day walk and moment-business-time (same inputs)\n');
const deadlines = benchDeadlines();
console.log(formatBench(deadlines));

console.log('\n2. `plazo evaluate --jsonl`, 30,000 tickets, whole process, beside the luxon day walk computing the same figures\n');
console.log(formatCliBench(await benchCliJsonl({ progress: (line) => process.stderr.write(`  … ${line}\n`) })));

console.log('\n3. One ticket: `npx plazo evaluate` beside `npx node -e 0` (wall time)\n');
console.log(formatColdStart(benchColdStart()));

console.log('\n4. Triage: classifications per second on ~1 KB tickets\n');
console.log(formatTriageBench(benchTriage()));

console.log('\n5. The costliest requests accepted (CPU time), beside an ordinary ticket; triage cost by characters read\n');
console.log(formatWorstCase(benchWorstCase()));
