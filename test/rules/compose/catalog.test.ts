/**
 * Meta-tests over the Compose catalog: metadata invariants, and every documented example runs
 * through the real pipeline (bad examples trigger the rule, good ones do not).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lint, RULES, ANCHOR_TOOLS } from '../../../rules/src/api';
import { COMPOSE_RULES } from '../../../rules/src/compose/index';
import { EXAMPLE_POLICY } from '../../utils/example-policy';

const repoRoot = path.join(__dirname, '..', '..', '..');
const srcDir = path.join(repoRoot, 'rules', 'src', 'compose');
const KICS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function findingsFor(id: string, text: string): string[] {
  const policy = EXAMPLE_POLICY[id];
  const r = lint({ path: 'compose.yaml', text }, policy ? { settings: { enabledRules: [id] }, policy } : { settings: { enabledRules: [id] } });
  assert.deepEqual(r.crashedRules, []);
  return r.findings.filter((f) => f.ruleId === id).map((f) => f.message);
}

describe('compose catalog', () => {
  it('has one rule file per registry entry, ids DC001.. without gaps', () => {
    const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(COMPOSE_RULES.map((r) => r.name).sort(), files);
    COMPOSE_RULES.forEach((r, i) => assert.equal(r.id, `DC${String(i + 1).padStart(3, '0')}`, `${r.name} is out of order`));
  });
  it('names and ids are unique across the whole registry', () => {
    for (const r of COMPOSE_RULES) {
      assert.equal(RULES.filter((x) => x.name === r.name || (x.aliases ?? []).includes(r.name)).length, 1, `name ${r.name} collides`);
      assert.equal(RULES.filter((x) => x.id === r.id).length, 1, `id ${r.id} collides`);
    }
  });
  for (const r of COMPOSE_RULES) {
    describe(`${r.id} ${r.name}`, () => {
      it('has complete docs and valid anchors', () => {
        assert.equal(r.target, 'compose');
        for (const text of [r.title, r.docs.summary, r.docs.rationale, r.docs.remediation]) assert.ok(text.trim().length > 10);
        assert.ok(r.docs.remediation.trim().endsWith('.'), 'remediation ends with a period');
        assert.ok((r.docs.references ?? []).length > 0, 'references');
        for (const [tool, ids] of Object.entries(r.anchors)) {
          assert.ok((ANCHOR_TOOLS as readonly string[]).includes(tool), `unknown anchor tool ${tool}`);
          assert.ok((ids ?? []).length > 0);
          if (tool === 'kics') for (const id of ids ?? []) assert.match(id, KICS_ID);
          if (tool === 'pss') for (const id of ids ?? []) assert.match(id, /^(baseline|restricted):[A-Za-z_]+$/);
        }
      });
      it('rule file is small and has a test table', () => {
        const lines = readFileSync(path.join(srcDir, `${r.name}.ts`), 'utf8').split('\n').length;
        assert.ok(lines <= 120, `${r.name}.ts has ${lines} lines`);
        assert.ok(readdirSync(__dirname).includes(`${r.name}.test.ts`), 'test file exists');
      });
      r.docs.examples.bad.forEach((bad, i) => {
        it(`bad example ${i + 1} triggers`, () => assert.ok(findingsFor(r.id, bad).length > 0, bad));
      });
      r.docs.examples.good.forEach((good, i) => {
        it(`good example ${i + 1} is clean`, () => assert.deepEqual(findingsFor(r.id, good), [], good));
      });
    });
  }
});
