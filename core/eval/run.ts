import { allSlices, type Outcome, runEvalSet, type Slice } from './eval-set.js';

// Usage: npm run eval [-- --slice dev|holdout|blind|blind2] [-- --blind] [-- --failures]
const args = process.argv.slice(2);
const sliceArg = args.includes('--slice') ? (args[args.indexOf('--slice') + 1] as Slice) : undefined;
const showFailures = args.includes('--failures');
// The blind slices are a measure, not a guide: they show only when asked for, and never with --failures.
const withBlind = args.includes('--blind');
const outcomes = runEvalSet(sliceArg ? [sliceArg] : withBlind ? [...allSlices] : ['dev', 'holdout']);
const slices = allSlices.filter((s) => outcomes.some((o) => o.slice === s));

const pct = (ok: number, n: number) => (n === 0 ? '  n/a' : `${((100 * ok) / n).toFixed(1).padStart(5)}%`);
const summary = (list: Outcome[]) => {
  const ok = list.filter((o) => o.errors.length === 0).length;
  return `${pct(ok, list.length)} (${ok}/${list.length})`;
};

console.log(`Plazo triage evaluation — ${outcomes.length} labelled tickets\n`);
const policies = [...new Set(outcomes.map((o) => o.case.policy))].sort();
const row = (name: string, list: Outcome[]) =>
  `${name.padEnd(15)} ${summary(list).padEnd(17)} ${slices.map((s) => summary(list.filter((o) => o.slice === s)).padEnd(17)).join(' ')}`;
console.log(`${'policy'.padEnd(15)} ${'all'.padEnd(17)} ${slices.map((s) => s.padEnd(17)).join(' ')}`);
for (const p of policies)
  console.log(
    row(
      p,
      outcomes.filter((o) => o.case.policy === p),
    ),
  );
console.log(row('OVERALL', outcomes));

for (const p of policies) {
  const of = outcomes.filter((o) => o.case.policy === p);
  const labels = [...new Set(of.flatMap((o) => [o.expected, o.actual]))].sort();
  const w = Math.max(10, ...labels.map((l) => l.length)) + 1;
  console.log(`\n${p} — confusion matrix (rows: expected, columns: decided)`);
  console.log(' '.repeat(w) + labels.map((l) => l.padStart(w)).join(''));
  for (const r of labels) {
    console.log(
      r.padEnd(w) + labels.map((col) => String(of.filter((o) => o.expected === r && o.actual === col).length).padStart(w)).join(''),
    );
  }
  const other = of.filter((o) => o.errors.length > 0 && o.expected === o.actual).length;
  if (other > 0) console.log(`(${other} ticket(s) with the right label but a wrong flag, category or exclusion id)`);
}

if (showFailures) {
  console.log('\nFailures:');
  for (const o of outcomes.filter((x) => x.errors.length > 0 && !x.slice.startsWith('blind'))) {
    console.log(`- ${o.file}:${o.line} [${o.case.subject}] ${o.errors.join('; ')}`);
    for (const r of o.result.reasons) console.log(`    ${r.kind} ${r.rule} ${r.confidence} ${JSON.stringify(r.evidence)}`);
  }
}
