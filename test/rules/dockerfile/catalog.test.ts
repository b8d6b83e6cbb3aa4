/**
 * Meta-tests over the Dockerfile rules: docs complete, every bad example triggers the rule and
 * every good example does not, ids in range, names match files, anchors well-formed and known,
 * one test file per rule, safe-fix rules have a fix test.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../../rules/src/api';
import { DOCKERFILE_RULES } from '../../../rules/src/dockerfile/index';
import { EXAMPLE_POLICY } from '../../utils/example-policy';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const kicsIndex = path.join(repoRoot, '..', 'shared', 'corpus', 'kics-dockerfile', 'index.json');
const kicsIds: Set<string> | undefined = existsSync(kicsIndex)
  ? new Set(Object.values((JSON.parse(readFileSync(kicsIndex, 'utf8')) as { queries: Record<string, { id: string }> }).queries).map((q) => q.id))
  : undefined;


describe('Dockerfile rule catalog', () => {
  it('has unique ids in DF001–DF199, sorted in the registry', () => {
    const ids = DOCKERFILE_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
    for (const id of ids) {
      assert.match(id, /^DF\d{3}$/);
      assert.ok(Number(id.slice(2)) >= 1 && Number(id.slice(2)) <= 199, id);
    }
    const names = DOCKERFILE_RULES.map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
  });
  for (const rule of DOCKERFILE_RULES) {
    describe(`${rule.id} ${rule.name}`, () => {
      it('has a source file named after it and a test file', () => {
        assert.ok(existsSync(path.join(repoRoot, 'rules', 'src', 'dockerfile', `${rule.name}.ts`)));
        const test = path.join(repoRoot, 'test', 'rules', 'dockerfile', `${rule.name}.test.ts`);
        assert.ok(existsSync(test), 'missing test file');
        if (rule.fix === 'safe') assert.match(readFileSync(test, 'utf8'), /output:/, 'a safe-fix rule needs an invalid case with `output`');
        if (rule.fix === 'suggestion') assert.match(readFileSync(test, 'utf8'), /suggestions:/, 'a suggestion rule needs a case with `suggestions`');
      });
      it('has complete docs', () => {
        assert.equal(rule.target, 'dockerfile');
        for (const f of ['summary', 'rationale', 'remediation'] as const) assert.ok(rule.docs[f].trim().length > 10, f);
        assert.ok(rule.docs.remediation.trim().endsWith('.'), 'remediation ends with a period');
        assert.ok(rule.docs.examples.bad.length > 0 && rule.docs.examples.good.length > 0);
        assert.ok(!rule.title.endsWith('.'));
        assert.ok((rule.docs.references ?? []).length > 0, 'at least one reference');
      });
      it('has well-formed anchors', () => {
        for (const h of rule.anchors.hadolint ?? []) assert.match(h, /^DL\d{4}$/);
        for (const t of rule.anchors.trivy ?? []) assert.match(t, /^AVD-DS-\d{4}$/);
        for (const c of rule.anchors.checkov ?? []) assert.match(c, /^CKV2?_DOCKER_\d+$/);
        for (const d of rule.anchors.dockle ?? []) assert.match(d, /^(CIS-DI|DKL-DI|DKL-LI)-\d{4}$/);
        for (const b of rule.anchors.buildkit ?? []) assert.match(b, /^[A-Z][A-Za-z]+$/);
        if (kicsIds) for (const k of rule.anchors.kics ?? []) assert.ok(kicsIds.has(k), `unknown KICS id ${k}`);
      });
      it('bad examples trigger it, good examples do not', () => {
        const settings = { enabledRules: [rule.id] };
        const policy = EXAMPLE_POLICY[rule.id];
        const opts = policy ? { settings, policy } : { settings };
        for (const bad of rule.docs.examples.bad) {
          const r = lint({ path: 'Dockerfile', text: bad }, opts);
          assert.deepEqual(r.crashedRules, []);
          assert.ok(r.findings.some((f) => f.ruleId === rule.id), `bad example did not trigger:\n${bad}`);
        }
        for (const good of rule.docs.examples.good) {
          const r = lint({ path: 'Dockerfile', text: good }, opts);
          assert.deepEqual(r.crashedRules, []);
          assert.deepEqual(r.findings.filter((f) => f.ruleId === rule.id).map((f) => f.message), [], `good example triggered:\n${good}`);
        }
      });
    });
  }
});
