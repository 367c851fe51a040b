// Summarise a mocha JSON report of a W3C test suite run against Skillpass:
//   node summarise.mjs REPORT.json [TITLE]
// Prints passed/failed/pending counts and each failing test with the first line of its error,
// and exits 0 (the judgement of which failures are the suite's own defects is made in
// CONFORMANCE.md, by a person, not here).
import {readFileSync} from 'node:fs';

const [file, title = file] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
const {stats} = report;
console.log(`${title}: ${stats.passes} passed, ${stats.failures} failed, ` +
  `${stats.pending} pending, of ${stats.tests}`);
for(const t of report.failures) {
  const why = String(t.err?.message ?? '').split('\n')[0].slice(0, 300);
  console.log(`  FAIL ${t.fullTitle}\n       ${why}`);
}
for(const t of report.pending) {
  console.log(`  PENDING ${t.fullTitle}`);
}
