/**
 * Robustness: every Kubernetes rule (default-off ones included) on every peer-corpus manifest,
 * whole and cut at several points (malformed, partial YAML): no rule may crash, every finding
 * stays inside the text, and every offered fix applies to valid YAML.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../rules/src/api';
import { KUBERNETES_RULES } from '../../rules/src/kubernetes/index';
import { LineIndex } from '../../rules/src/model/text';
import { parseYaml } from '../../rules/src/model/yaml/documents';
import { applyEdits } from '../utils/rule-tester';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');
const DIRS = ['kics-k8s', 'kube-linter/checks', 'real-world/kubernetes'];

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.(ya?ml|json)$/.test(name) && !name.endsWith('expected_result.json') && name !== 'metadata.json' && name !== 'index.json') out.push(p);
  }
  return out;
}

describe('Kubernetes rules on malformed and partial input', () => {
  if (corpusMissing(path.join(corpus, 'kics-k8s'), 'peer corpus', corpus)) return;
  it('never crashes, reports inside the text, and offers fixes that keep YAML valid', () => {
    const settings = { enabledRules: KUBERNETES_RULES.map((r) => r.id) };
    let runs = 0;
    let fixes = 0;
    for (const file of DIRS.flatMap((d) => yamlFiles(path.join(corpus, d)))) {
      const full = readFileSync(file, 'utf8');
      const cuts = [full, ...[0.25, 0.5, 0.75].map((f) => full.slice(0, Math.floor(full.length * f))), full.replace(/: /g, ':  ').replace(/- /, '-\t')];
      for (const text of cuts) {
        runs++;
        const res = lint({ path: path.basename(file), text }, { settings });
        assert.deepEqual(res.crashedRules, [], `${file}: crashed`);
        const lines = new LineIndex(text);
        const valid = parseYaml(text).errors.length === 0;
        for (const f of res.findings) {
          assert.ok(f.range.end.line < lines.lineCount, `${file}: ${f.ruleId} outside the text`);
          if (!valid) continue;
          for (const fix of [...(f.fix ? [f.fix] : []), ...f.suggestions]) {
            fixes++;
            const out = applyEdits(text, fix.edits);
            assert.deepEqual(parseYaml(out).errors.map((e) => e.message), [], `${file}: ${f.ruleId} '${fix.title}' broke the YAML`);
            if (text !== full) continue;
            const again = lint({ path: path.basename(file), text: out }, { settings: { enabledRules: [f.ruleId] } }).findings.filter((a) => a.ruleId === f.ruleId);
            const same = again.filter((a) => a.ruleId === f.ruleId && a.message === f.message && a.range.start.line === f.range.start.line);
            assert.deepEqual(same.map((a) => a.message), [], `${file}: ${f.ruleId} '${fix.title}' did not remove the finding`);
            const before = res.findings.filter((b) => b.ruleId === f.ruleId).length;
            assert.ok(again.length < before, `${file}: ${f.ruleId} '${fix.title}' did not reduce the findings (${before} → ${again.length})`);
          }
        }
      }
    }
    console.log(`robustness: ${runs} lint runs, ${fixes} fixes applied and re-parsed`);
  });
});
