/**
 * Table tests for the label-schema rules (DF101–DF109), which act only under a policy: every
 * case runs the whole pipeline with the given label schema, and every invalid case must also be
 * silent without one (the rules are inert until a schema is configured).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES, type AnyRule, type PolicyOptions } from '../../../rules/src/api';
import { LineIndex } from '../../../rules/src/model/text';

export interface LabelCase {
  code: string;
  name?: string;
}
export interface LabelInvalidCase extends LabelCase {
  errors: { line: number; column?: number; endColumn?: number; message?: string }[];
}

function findings(rule: AnyRule, code: string, policy: Partial<PolicyOptions> | undefined) {
  const r = lint({ path: 'Dockerfile', text: code }, { settings: { enabledRules: [rule.id] }, ...(policy ? { policy } : {}) });
  assert.deepEqual(r.crashedRules, []);
  const lines = new LineIndex(code);
  for (const f of r.findings) assert.ok(f.range.start.line >= 0 && f.range.end.line < lines.lineCount, `reported outside the document: ${JSON.stringify(f.range)}`);
  return r.findings.filter((f) => f.ruleId === rule.id);
}

function label(c: LabelCase): string {
  return c.name ?? c.code.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' ⏎ ').slice(0, 100);
}

/** Runs valid/invalid cases for a label-schema rule under `policy`. */
export function labelRuleTester(rule: AnyRule, policy: Partial<PolicyOptions>, cases: { valid: (LabelCase | string)[]; invalid: LabelInvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    it('is registered exactly once', () => assert.equal(RULES.filter((r) => r.id === rule.id).length, 1));
    const valid = cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v));
    it('has no duplicate cases', () => {
      const codes = [...valid, ...cases.invalid].map((c) => c.code);
      assert.equal(new Set(codes).size, codes.length);
    });
    for (const c of valid) it(`valid: ${label(c)}`, () => assert.deepEqual(findings(rule, c.code, policy).map((f) => f.message), []));
    for (const c of cases.invalid) {
      it(`invalid: ${label(c)}`, () => {
        assert.ok(c.errors.length > 0, 'an invalid case lists at least one error');
        const found = findings(rule, c.code, policy);
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} findings, got ${JSON.stringify(found.map((f) => [f.message, f.range.start]))}`);
        c.errors.forEach((e, k) => {
          const f = found[k]!;
          assert.equal(f.range.start.line + 1, e.line, 'line');
          if (e.column !== undefined) assert.equal(f.range.start.character + 1, e.column, 'column');
          if (e.endColumn !== undefined) assert.equal(f.range.end.character + 1, e.endColumn, 'endColumn');
          if (e.message !== undefined) assert.equal(f.message, e.message);
          assert.equal(f.fix, undefined);
        });
        assert.deepEqual(findings(rule, c.code, undefined), [], 'without a label schema the rule stays silent');
      });
    }
  });
}
