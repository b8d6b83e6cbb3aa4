/**
 * Meta-tests over the Kubernetes rules: docs complete, every bad example triggers the rule and
 * every good example does not, ids in range, anchors well-formed, one test file per rule.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../../rules/src/api';
import { KUBERNETES_RULES } from '../../../rules/src/kubernetes/index';
import { EXAMPLE_POLICY } from '../../utils/example-policy';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const kics = JSON.parse(readFileSync(path.join(repoRoot, '..', 'shared', 'corpus', 'kics-k8s', 'index.json'), 'utf8')) as { queries: { id: string }[] };
const kicsIds = new Set(kics.queries.map((q) => q.id));

describe('Kubernetes rule catalog', () => {
  it('has unique ids in K8S001–K8S199', () => {
    const ids = KUBERNETES_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^K8S\d{3}$/);
      assert.ok(Number(id.slice(3)) >= 1 && Number(id.slice(3)) <= 199, id);
    }
  });
  for (const rule of KUBERNETES_RULES) {
    describe(`${rule.id} ${rule.name}`, () => {
      it('has a source file named after it and a test file', () => {
        assert.ok(existsSync(path.join(repoRoot, 'rules', 'src', 'kubernetes', `${rule.name}.ts`)));
        assert.ok(existsSync(path.join(repoRoot, 'test', 'rules', 'kubernetes', `${rule.name}.test.ts`)), 'missing test file');
      });
      it('has complete docs', () => {
        assert.equal(rule.target, 'kubernetes');
        for (const f of ['summary', 'rationale', 'remediation'] as const) assert.ok(rule.docs[f].trim().length > 10, f);
        assert.ok(rule.docs.remediation.trim().endsWith('.'), 'remediation ends with a period');
        assert.ok(rule.docs.examples.bad.length > 0 && rule.docs.examples.good.length > 0);
        assert.ok(!rule.title.endsWith('.'));
      });
      it('has well-formed anchors', () => {
        for (const t of rule.anchors.trivy ?? []) assert.match(t, /^AVD-KSV-\d{4,5}$/);
        for (const c of rule.anchors.checkov ?? []) assert.match(c, /^CKV2?_K8S_\d+$/);
        for (const p of rule.anchors.pss ?? []) assert.match(p, /^(baseline|restricted):[A-Za-z_]+$/);
        for (const k of rule.anchors.kics ?? []) assert.ok(kicsIds.has(k), `unknown KICS id ${k}`);
      });
      it('bad examples trigger it, good examples do not', () => {
        const settings = { enabledRules: [rule.id] };
        const policy = EXAMPLE_POLICY[rule.id];
        const opts = policy ? { settings, policy } : { settings };
        for (const bad of rule.docs.examples.bad) {
          const r = lint({ path: 'example.yaml', text: bad }, opts);
          assert.equal(r.kind, 'kubernetes');
          assert.deepEqual(r.problems.filter((p) => p.source === 'yaml'), []);
          assert.ok(r.findings.some((f) => f.ruleId === rule.id), `bad example did not trigger:\n${bad}`);
        }
        for (const good of rule.docs.examples.good) {
          const r = lint({ path: 'example.yaml', text: good }, opts);
          assert.deepEqual(r.problems.filter((p) => p.source === 'yaml'), []);
          assert.deepEqual(r.findings.filter((f) => f.ruleId === rule.id).map((f) => f.message), [], `good example triggered:\n${good}`);
        }
      });
    });
  }
});
