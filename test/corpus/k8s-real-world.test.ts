/**
 * Lints every file of ../shared/corpus/real-world/kubernetes (Kubernetes examples, some of them
 * Helm templates or plain config files): no crash, no rule error, templates skipped with one
 * message, every finding inside its document. Prints findings per rule (all rules enabled, so
 * default-off rules are measured too) and the error-severity findings for review.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../rules/src/api';
import { KUBERNETES_RULES } from '../../rules/src/kubernetes/index';
import { LineIndex } from '../../rules/src/model/text';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const dir = path.join(repoRoot, '..', 'shared', 'corpus', 'real-world', 'kubernetes');

describe('real-world Kubernetes manifests', () => {
  if (corpusMissing(dir, 'real-world corpus')) return;
  const files = readdirSync(dir).sort();
  it('lints every file without a crash', () => {
    const perRule = new Map<string, number>();
    const kinds = new Map<string, number>();
    const errors: string[] = [];
    const all = { enabledRules: KUBERNETES_RULES.map((r) => r.id) };
    const started = Date.now();
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const res = lint({ path: path.join(dir, f), text }, { settings: all });
      kinds.set(res.skipped ? 'skipped' : res.kind, (kinds.get(res.skipped ? 'skipped' : res.kind) ?? 0) + 1);
      assert.deepEqual(res.crashedRules, [], `${f}: crashed ${res.crashedRules.join(', ')}`);
      if (res.skipped) assert.equal(res.problems.length <= 1, true, `${f}: a skipped file gives at most one message`);
      const lines = new LineIndex(text);
      for (const x of res.findings) {
        assert.ok(x.range.start.line >= 0 && x.range.end.line < lines.lineCount, `${f}: ${x.ruleId} outside the file`);
        const key = `${x.ruleId} ${x.ruleName}`;
        perRule.set(key, (perRule.get(key) ?? 0) + 1);
        if (x.severity === 'error') errors.push(`${f}:${x.range.start.line + 1} ${x.ruleId} ${x.message}`);
      }
    }
    const ms = Date.now() - started;
    console.log(`real-world kubernetes: ${files.length} files (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${ms} ms`);
    for (const [rule, n] of [...perRule].sort()) console.log(`  ${rule}: ${n}`);
    console.log(`  error-severity findings: ${errors.length}`);
    for (const e of errors.slice(0, 40)) console.log(`    ${e}`);
    assert.equal(files.length > 0, true);
    assert.ok(ms < 30000, `took ${ms} ms`);
  });
});
