/**
 * Conformance with kube-linter's check fixtures, through our rules' `anchors.kubeLinter`.
 * kube-linter's convention: objects named `dont-fire*` must not be reported, the others are
 * the positives. We compare which objects fire (per document), and report how our finding
 * count compares with kube-linter's report count. Deliberate disagreements are in ALLOW.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, type AnyRule } from '../../rules/src/api';
import { KUBERNETES_RULES } from '../../rules/src/kubernetes/index';
import { parseYaml } from '../../rules/src/model/yaml/documents';

const repoRoot = path.resolve(__dirname, '..', '..');
const dir = path.join(repoRoot, '..', 'shared', 'corpus', 'kube-linter');

interface Doc { doc: number; kind: string; name: string | null; namespace: string | null }
interface Case { file: string; check: string; config?: string; expect: { reportCount: number | null }; documents: Doc[] }

/** `check/docIndex` → why we deliberately differ from kube-linter on that object. */
export const ALLOW: Readonly<Record<string, string>> = {
  // kube-linter judges RBAC through bindings; we report the role rule that grants the access (doc 1 here).
  'access-to-create-pods/2': 'kube-linter reports the RoleBinding; we report the Role rule it binds (doc 1)',
  'access-to-secrets/2': 'kube-linter reports the RoleBinding; we report the Role rule it binds (doc 1)',
  // The fixture names both objects the same; only one is a removed API version (we report it, doc 1).
  'no-extensions-v1beta/0': 'networking.k8s.io/v1 NetworkPolicy is current; the naming convention does not hold in this file',
  'wildcard-in-rules/0': "role1 (doc 0) has no wildcard; doc 1, also named role1, does and we report it",
  // kube-linter's fixtures omit `image`. Image-less containers are what Kustomize/overlay patches look like (the API
  // documents image as optional for that reason), so rules about *missing* fields stay silent on them by design.
  'no-liveness-probe/2': 'container without image treated as a patch', 'no-liveness-probe/3': 'container without image treated as a patch',
  'no-readiness-probe/2': 'container without image treated as a patch', 'no-readiness-probe/3': 'container without image treated as a patch',
  'run-as-non-root/2': 'container without image treated as a patch', 'run-as-non-root/3': 'container without image treated as a patch',
  'unset-cpu-requirements/0': 'container without image treated as a patch', 'unset-cpu-requirements/1': 'container without image treated as a patch',
  'non-isolated-pod/4': 'container without image treated as a patch', 'non-isolated-pod/5': 'container without image treated as a patch',
  // kube-linter sees the whole lint set; per file we only judge a policy when the file defines workloads in its namespace.
  'dangling-networkpolicy/0': 'the file defines no workloads, so a per-document linter cannot tell whether the policy dangles',
  'unset-memory-requirements/0': 'container without image treated as a patch', 'unset-memory-requirements/1': 'container without image treated as a patch',
};

function rulesFor(check: string): AnyRule[] {
  return KUBERNETES_RULES.filter((r) => (r.anchors.kubeLinter ?? []).includes(check));
}

describe('kube-linter conformance', () => {
  if (!existsSync(path.join(dir, 'index.json'))) {
    it('corpus present', (t) => {
      if (process.env.CI) assert.fail(`missing ${dir}`);
      t.skip(`peer corpus not found at ${dir}`);
    });
    return;
  }
  const cases = (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { tests: Case[] }).tests.filter((c) => c.config === undefined || c.config === null);
  const covered = cases.filter((c) => rulesFor(c.check).length > 0);
  let objects = 0;
  let agree = 0;
  let allowed = 0;
  let countsEqual = 0;
  for (const c of covered) {
    const rules = rulesFor(c.check);
    it(`${c.check} → ${rules.map((r) => r.name).join(', ')}`, () => {
      const text = readFileSync(path.join(dir, c.file), 'utf8');
      const file = parseYaml(text);
      const result = lint({ path: c.file, text }, { rules, settings: { enabledRules: rules.map((r) => r.id) } });
      assert.deepEqual(result.crashedRules, []);
      const docOf = (line: number): number => file.documents.findIndex((d) => line >= d.range.start.line && line <= d.range.end.line);
      const fired = new Set(result.findings.map((f) => docOf(f.range.start.line)));
      if (result.findings.length === (c.expect.reportCount ?? 0)) countsEqual++;
      const wrong: string[] = [];
      for (const d of c.documents) {
        if (d.name === null) continue;
        objects++;
        const expected = !d.name.startsWith('dont-fire');
        if (fired.has(d.doc) === expected) { agree++; continue; }
        if (ALLOW[`${c.check}/${d.doc}`] !== undefined) { allowed++; continue; }
        wrong.push(`doc ${d.doc} ${d.kind} '${d.name}': expected ${expected ? 'a finding' : 'none'}`);
      }
      assert.deepEqual(wrong, []);
    });
  }
  it('summary', () => {
    console.log(`kube-linter: ${covered.length} anchored checks; objects agreeing ${agree}/${objects} (${((agree / Math.max(1, objects)) * 100).toFixed(1)}%), allow-listed ${allowed} (${Object.keys(ALLOW).length} entries); report counts equal in ${countsEqual}/${covered.length} files`);
    assert.ok(covered.length > 0);
  });
});
