// `npm run bench`: every core benchmark in one run, so each figure stands beside its baseline.
import { benchCliJsonl, formatCliBench } from './cli-jsonl.js';
import { benchDeadlines, formatBench } from './deadlines.js';
import { benchTriage, formatTriageBench } from './triage.js';

console.log('1. Deadlines through the core API, beside a luxon day-by-day walk and moment-business-time (same inputs)\n');
const deadlines = benchDeadlines();
console.log(formatBench(deadlines));

console.log('\n2. Deadlines through `plazo evaluate --jsonl` (child process, steady state after start-up)\n');
const cli = await benchCliJsonl();
console.log(formatCliBench(cli));
for (const row of cli) {
  const walk = deadlines.rows.find((r) => r.policy === row.policy && r.api === 'luxon day walk');
  const peer = deadlines.rows.find((r) => r.policy === row.policy && r.api === 'moment-business-time');
  if (walk && peer) console.log(`${row.policy.padEnd(11)} CLI ${(row.deadlinesPerSecond / walk.perSecond).toFixed(1)}× the luxon walk, ${(row.deadlinesPerSecond / peer.perSecond).toFixed(1)}× moment-business-time`);
}

console.log('\n3. Triage: classifications per second on ~1 KB tickets\n');
console.log(formatTriageBench(benchTriage()));
