/**
 * Generates docs/rules/<id>.md for every rule and the index docs/rules/README.md from the rule
 * metadata (never edit those files by hand). Run: `npm run docs`. `--check` only compares and
 * exits 1 when a page is stale, missing or orphaned (test/docs.test.ts does the same in memory).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOCS_DIR, renderDocs, staleDocs } from '../server/src/cli/docs-files';

const REPO_ROOT = path.resolve(__dirname, '..');

function writeDocs(root: string): void {
  const expected = renderDocs();
  mkdirSync(path.join(root, DOCS_DIR), { recursive: true });
  let written = 0;
  for (const [rel, content] of expected) {
    const file = path.join(root, rel);
    if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
    writeFileSync(file, content);
    written++;
  }
  let removed = 0;
  for (const name of readdirSync(path.join(root, DOCS_DIR))) {
    if (name.endsWith('.md') && !expected.has(`${DOCS_DIR}/${name}`)) {
      unlinkSync(path.join(root, DOCS_DIR, name));
      removed++;
    }
  }
  process.stdout.write(`docs: ${expected.size} files (${written} written, ${removed} orphaned removed) in ${DOCS_DIR}/\n`);
}

if (process.argv.includes('--check')) {
  const problems = staleDocs(REPO_ROOT);
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (problems.length > 0) process.stderr.write('Generated docs are stale: run `npm run docs` and commit the result.\n');
  process.exitCode = problems.length > 0 ? 1 : 0;
} else {
  writeDocs(REPO_ROOT);
}
