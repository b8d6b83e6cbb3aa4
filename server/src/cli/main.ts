/** The `bulkhead` CLI entry point (placeholder until the CLI lands: lints paths given on the command line as text). */
import { readFileSync } from 'node:fs';
import { lint } from '../../../rules/src/api';

const files = process.argv.slice(3);
let failed = false;
for (const f of files) {
  const r = lint({ path: f, text: readFileSync(f, 'utf8') });
  for (const x of r.findings) {
    console.log(`${f}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} ${x.ruleId} ${x.message}`);
    if (x.severity === 'error') failed = true;
  }
}
process.exit(failed ? 1 : 0);
