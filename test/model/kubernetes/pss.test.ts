import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KUBERNETES_RULES } from '../../../rules/src/kubernetes/index';
import { PSS_CONTROLS, pssLevelOf, settingsForProfile } from '../../../rules/src/model/kubernetes/pss';
import { lint } from '../../../rules/src/api';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n';

describe('Pod Security Standards coverage', () => {
  for (const level of ['baseline', 'restricted'] as const) {
    for (const control of PSS_CONTROLS[level]) {
      it(`${level}:${control} is checked by at least one rule`, () => {
        const rules = KUBERNETES_RULES.filter((r) => (r.anchors.pss ?? []).includes(`${level}:${control}`));
        assert.ok(rules.length > 0, `no rule anchors ${level}:${control}`);
      });
    }
  }
  it('uses only known control names', () => {
    const known = new Set([...PSS_CONTROLS.baseline.map((c) => `baseline:${c}`), ...PSS_CONTROLS.restricted.map((c) => `restricted:${c}`)]);
    for (const r of KUBERNETES_RULES) for (const a of r.anchors.pss ?? []) assert.ok(known.has(a), `${r.id}: ${a}`);
  });
  it('keeps every baseline rule on by default', () => {
    for (const r of KUBERNETES_RULES.filter((x) => pssLevelOf(x) === 'baseline')) {
      const narrower = ['cap-sys-admin', 'cap-sys-module', 'cap-net-raw'].includes(r.name);
      assert.ok(narrower || !r.defaultOff, `${r.id} ${r.name} is a baseline control but off by default`);
    }
  });
  it('selects the profile through settings', () => {
    const restricted = lint({ path: 'p.yaml', text: pod }, { settings: settingsForProfile('restricted', KUBERNETES_RULES) }).findings.map((f) => f.ruleName);
    const baseline = lint({ path: 'p.yaml', text: pod }, { settings: settingsForProfile('baseline', KUBERNETES_RULES) }).findings.map((f) => f.ruleName);
    for (const name of ['allow-privilege-escalation-unset', 'seccomp-not-set', 'run-as-non-root', 'capabilities-drop-all']) {
      assert.ok(restricted.includes(name), `restricted profile reports ${name}`);
      assert.ok(!baseline.includes(name), `baseline profile does not report ${name}`);
    }
  });
});
