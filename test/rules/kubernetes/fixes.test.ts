/**
 * Every Kubernetes fix, applied to every bad example embedded between two other documents
 * (with comments): the result parses, the finding is gone, the other documents and the
 * comments are byte-identical, and the rule's declared fix kind matches what it offers.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../rules/src/api';
import { KUBERNETES_RULES } from '../../../rules/src/kubernetes/index';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { applyEdits } from '../../utils/rule-tester';
import { EXAMPLE_POLICY } from '../../utils/example-policy';

const BEFORE = '# leading comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before # keep me\ndata: {a: "1"}\n---\n';
const AFTER = '---\n# trailing document\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\ndata:\n  b: "2" # keep me too\n';

function findings(ruleId: string, text: string) {
  const policy = EXAMPLE_POLICY[ruleId];
  const settings = { enabledRules: [ruleId] };
  return lint({ path: 'm.yaml', text }, policy ? { settings, policy } : { settings }).findings.filter((f) => f.ruleId === ruleId);
}

describe('Kubernetes fixes', () => {
  for (const rule of KUBERNETES_RULES) {
    it(`${rule.id} ${rule.name}: fixes apply cleanly and remove the finding`, () => {
      let offered = 0;
      for (const bad of rule.docs.examples.bad) {
        const text = BEFORE + bad + AFTER;
        const before = findings(rule.id, text);
        assert.ok(before.length > 0, 'bad example triggers inside a stream');
        for (const f of before) {
          const fixes = [...(f.fix ? [f.fix] : []), ...f.suggestions];
          for (const fix of fixes) {
            offered++;
            const out = applyEdits(text, fix.edits);
            assert.notEqual(out, text, `${fix.title}: no change`);
            assert.ok(out.startsWith(BEFORE) && out.endsWith(AFTER), `${fix.title}: other documents changed`);
            assert.deepEqual(parseYaml(out).errors.map((e) => e.message), [], `${fix.title}: invalid YAML:\n${out}`);
            const after = findings(rule.id, out);
            const same = after.filter((a) => a.messageId === f.messageId && a.range.start.line === f.range.start.line && a.message === f.message);
            assert.deepEqual(same.map((a) => a.message), [], `${fix.title}: finding still there:\n${out}`);
            assert.ok(after.length < before.length, `${fix.title}: no fewer findings`);
          }
        }
      }
      if (rule.fix === 'none') assert.equal(offered, 0, 'fix: none, but fixes were offered');
      else assert.ok(offered > 0, `fix: ${rule.fix}, but no bad example gets a fix`);
    });
  }
});
