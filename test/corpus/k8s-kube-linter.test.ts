/**
 * Conformance with kube-linter's check fixtures, through our rules' `anchors.kubeLinter`.
 * kube-linter's convention: objects named `dont-fire*` must not be reported, the others are
 * the positives (corrected in EXPECTED where kube-linter's own assertions say otherwise). We
 * compare which objects fire (per document), and report how our finding count compares with
 * kube-linter's report count. Deliberate disagreements are in ALLOW and count as disagreements.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, type AnyRule } from '../../rules/src/api';
import { KUBERNETES_RULES } from '../../rules/src/kubernetes/index';
import { parseYaml } from '../../rules/src/model/yaml/documents';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const dir = path.join(repoRoot, '..', 'shared', 'corpus', 'kube-linter');

interface Doc { doc: number; kind: string; name: string | null; namespace: string | null }
interface Case { file: string; check: string; config?: string; expect: { reportCount: number | null; messages?: { text: string }[] }; documents: Doc[] }

/**
 * Where the fixture's naming convention (`dont-fire*` = negative, anything else = positive) does
 * not describe what kube-linter reports, the expectation is taken from kube-linter's own test
 * assertions instead: `check/docIndex` → expected (true = reported). Each entry's evidence is
 * re-checked below (the file's reportCount equals the number of objects expected to fire, and
 * every asserted message names the kind of one of them).
 */
export const EXPECTED: Readonly<Record<string, boolean>> = {
  // reportCount 1, message "disallowed API object found: extensions/v1beta1": doc 0 is networking.k8s.io/v1.
  'no-extensions-v1beta/0': false,
  // reportCount 1: doc 0 (also named role1) grants only `get` on pods; doc 1 has the wildcard verb.
  'wildcard-in-rules/0': false,
  // reportCount 1 and the one message is the RoleBinding's: kube-linter does not report the Role itself (these checks are
  // anchored on K8S100/K8S101, which report the binding; K8S065/K8S068 report the Role rule and are not anchored here).
  'access-to-create-pods/1': false,
  'access-to-secrets/1': false,
};

/** `check/docIndex` → why we deliberately differ from kube-linter on that object. Every entry must still disagree. */
export const ALLOW: Readonly<Record<string, string>> = {
  // kube-linter sees the whole lint set; per file we only judge a policy when the file defines workloads in its namespace.
  'dangling-networkpolicy/0': 'the file defines no workloads, so a per-document linter cannot tell whether the policy dangles',
  // kube-linter's verify-container-capabilities only looks at containers whose securityContext.capabilities is set
  // (`capabilities:` with no value is nil to it); such a container still runs with NET_RAW, which K8S018 reports.
  'drop-net-raw-capability/0': '`capabilities:` is empty, so nothing is dropped and the container keeps NET_RAW',
  'drop-net-raw-capability/1': '`capabilities:` is empty, so nothing is dropped and the container keeps NET_RAW',
};

function rulesFor(check: string): AnyRule[] {
  return KUBERNETES_RULES.filter((r) => (r.anchors.kubeLinter ?? []).includes(check));
}

describe('kube-linter conformance', () => {
  if (corpusMissing(path.join(dir, 'index.json'), 'peer corpus', dir)) return;
  const cases = (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { tests: Case[] }).tests.filter((c) => c.config === undefined || c.config === null);
  const covered = cases.filter((c) => rulesFor(c.check).length > 0);
  let objects = 0;
  let agree = 0;
  let allowed = 0;
  let countsEqual = 0;
  const used = new Set<string>();
  const expectedOf = (c: Case, d: Doc): boolean => EXPECTED[`${c.check}/${d.doc}`] ?? !(d.name ?? '').startsWith('dont-fire');
  it('expectation overrides match kube-linter\'s assertions', () => {
    const overridden = new Set(Object.keys(EXPECTED).map((k) => k.slice(0, k.lastIndexOf('/'))));
    for (const check of overridden) {
      const c = cases.find((x) => x.check === check);
      assert.ok(c, `no kube-linter case ${check}`);
      const firing = c.documents.filter((d) => d.name !== null && expectedOf(c, d));
      assert.equal(firing.length, c.expect.reportCount, `${check}: objects expected to fire vs reportCount`);
      for (const m of c.expect.messages ?? []) assert.ok(firing.some((d) => m.text.startsWith(`${d.kind}:`)), `${check}: "${m.text}" names none of the expected objects`);
    }
  });
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
        const expected = expectedOf(c, d);
        if (fired.has(d.doc) === expected) { agree++; continue; }
        if (ALLOW[`${c.check}/${d.doc}`] !== undefined) { allowed++; used.add(`${c.check}/${d.doc}`); continue; }
        wrong.push(`doc ${d.doc} ${d.kind} '${d.name}': expected ${expected ? 'a finding' : 'none'}`);
      }
      assert.deepEqual(wrong, []);
    });
  }
  it('summary', () => {
    console.log(`kube-linter: ${covered.length} anchored checks; objects agreeing ${agree}/${objects} (${((agree / Math.max(1, objects)) * 100).toFixed(1)}%), allow-listed ${allowed} (${Object.keys(ALLOW).length} entries); report counts equal in ${countsEqual}/${covered.length} files`);
    assert.ok(covered.length > 0);
    assert.deepEqual(Object.keys(ALLOW).filter((k) => !used.has(k)), [], 'allow-list entries that no longer disagree');
  });
});
