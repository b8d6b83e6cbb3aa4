/**
 * Generated docs must match the rule metadata: re-generates docs/rules/ in memory and compares
 * with the committed files (run `npm run docs` to refresh). Also checks each page's structure.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../rules/src/api';
import { DOCS_DIR, renderDocs, staleDocs } from '../server/src/cli/docs-files';

const REPO_ROOT = path.resolve(__dirname, '..');

const HEADINGS = ['## Summary', '## Why it matters', '## How to fix', '## Examples', '## References', '## Anchors', '## How to suppress'];

describe('generated docs', () => {
  const expected = renderDocs();

  it('has no page without a rule (orphans)', () => {
    const dir = path.join(REPO_ROOT, DOCS_DIR);
    const orphans = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md') && !expected.has(`${DOCS_DIR}/${n}`)) : [];
    assert.deepEqual(orphans, [], 'run `npm run docs` to remove pages of deleted rules');
  });

  it('staleDocs agrees with the per-file checks', () => {
    const stale = staleDocs(REPO_ROOT);
    const differing = [...expected].filter(([rel, content]) => !existsSync(path.join(REPO_ROOT, rel)) || readFileSync(path.join(REPO_ROOT, rel), 'utf8') !== content).length;
    assert.equal(stale.filter((s) => !s.includes('orphaned')).length, differing);
  });

  for (const [rel, content] of expected) {
    it(`${rel} is up to date`, () => {
      const file = path.join(REPO_ROOT, rel);
      assert.ok(existsSync(file), `${rel} is missing: run \`npm run docs\``);
      assert.equal(readFileSync(file, 'utf8'), content, `${rel} is stale: run \`npm run docs\` and commit the result`);
    });
  }

  for (const rule of RULES) {
    it(`${rule.id} page has the title line and every section in order`, () => {
      const page = expected.get(`${DOCS_DIR}/${rule.id}.md`) ?? '';
      assert.equal(page.split('\n')[0], `# ${rule.id} · ${rule.title}`);
      const at = HEADINGS.filter((h) => h !== '## References' || (rule.docs.references ?? []).length > 0).map((h) => page.indexOf(`\n${h}\n`));
      assert.ok(at.every((i) => i > 0), `missing section in ${rule.id}: ${HEADINGS.filter((_, i) => (at[i] ?? -1) < 0).join(', ')}`);
      assert.deepEqual([...at].sort((a, b) => a - b), at, 'sections in order');
      assert.ok(page.includes(rule.docs.remediation) && page.includes(`bulkhead-ignore ${rule.id}`));
      for (const bad of rule.docs.examples.bad) assert.ok(page.includes(bad.replace(/\n$/, '')), 'bad example shown');
    });
  }

  it('the index lists every rule, grouped by target', () => {
    const index = expected.get(`${DOCS_DIR}/README.md`) ?? '';
    for (const rule of RULES) assert.ok(index.includes(`[${rule.id}](${rule.id}.md)`), `${rule.id} in the index`);
    const order = ['## Dockerfile', '## Kubernetes', '## Docker Compose'].map((h) => index.indexOf(`\n${h}\n`));
    assert.ok(order.every((i) => i > 0));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
  });
});
