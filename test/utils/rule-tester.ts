/**
 * RuleTester: table tests for one rule, modelled on ESLint's. The whole pipeline runs (parse,
 * all rules, severity, suppressions); results are then filtered to the rule under test.
 * Positions are 1-based line/column as the editor's status bar shows them; `endColumn` is exclusive.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { lint, RULES, type AnyRule, type Finding } from '../../rules/src/api';
import { LineIndex } from '../../rules/src/model/text';

export interface ValidCase {
  code: string;
  name?: string;
  /** File name used for kind detection (defaults by target). */
  filename?: string;
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Exact message text, when the test wants to pin it. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Document after applying the (safe) fix of every finding; required iff the rule produced a fix. */
  output?: string;
  /** Document after applying each suggestion of the first finding, in order. */
  suggestions?: string[];
}

const DEFAULT_FILE: Record<AnyRule['target'], string> = { dockerfile: 'Dockerfile', kubernetes: 'manifest.yaml', compose: 'compose.yaml' };

/** Applies non-overlapping edits to a text (edits are sorted from the end). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const idx = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => idx.offsetAt(b.range.start) - idx.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, idx.offsetAt(e.range.start)) + e.newText + out.slice(idx.offsetAt(e.range.end));
  return out;
}

function findingsOf(rule: AnyRule, c: ValidCase): Finding[] {
  const path = c.filename ?? DEFAULT_FILE[rule.target];
  const result = lint({ path, text: c.code }, { settings: { enabledRules: [rule.id] } });
  assert.deepEqual(result.crashedRules, [], `rules crashed: ${result.crashedRules.join(', ')}`);
  const lines = new LineIndex(c.code);
  for (const f of result.findings) {
    assert.ok(f.range.start.line >= 0 && f.range.end.line < lines.lineCount, `${f.ruleId} reported outside the document: ${JSON.stringify(f.range)}`);
  }
  return result.findings.filter((f) => f.ruleId === rule.id);
}

function label(c: ValidCase): string {
  return c.name ?? c.code.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' ⏎ ').slice(0, 100);
}

/** Runs a valid/invalid table for `rule`. */
export function ruleTester(rule: AnyRule, cases: { valid: (ValidCase | string)[]; invalid: InvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    it('is registered exactly once', () => {
      assert.equal(RULES.filter((r) => r.id === rule.id).length, 1);
    });
    const seen = new Set<string>();
    const all = [...cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v)), ...cases.invalid];
    it('has no duplicate cases', () => {
      for (const c of all) {
        const key = `${c.filename ?? ''}\u0000${c.code}`;
        assert.ok(!seen.has(key), `duplicate case: ${label(c)}`);
        seen.add(key);
      }
    });
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid: ${label(c)}`, () => {
        const found = findingsOf(rule, c);
        assert.deepEqual(found.map((f) => f.message), [], 'expected no findings');
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${label(c)}`, () => {
        assert.ok(c.errors.length > 0, 'an invalid case must list at least one error');
        const found = findingsOf(rule, c);
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} findings, got ${found.length}: ${JSON.stringify(found.map((f) => [f.message, f.range]))}`);
        c.errors.forEach((e, i) => {
          const f = found[i]!;
          assert.ok(e.messageId in rule.messages, `unknown messageId ${e.messageId}`);
          assert.equal(f.messageId, e.messageId);
          if (e.message !== undefined) assert.equal(f.message, e.message);
          if (e.line !== undefined) assert.equal(f.range.start.line + 1, e.line, 'line');
          if (e.column !== undefined) assert.equal(f.range.start.character + 1, e.column, 'column');
          if (e.endLine !== undefined) assert.equal(f.range.end.line + 1, e.endLine, 'endLine');
          if (e.endColumn !== undefined) assert.equal(f.range.end.character + 1, e.endColumn, 'endColumn');
        });
        const fixes = found.flatMap((f) => (f.fix ? f.fix.edits : []));
        if (fixes.length > 0) {
          assert.ok(c.output !== undefined, 'the rule produced a fix: the case must give `output`');
          const out = applyEdits(c.code, fixes);
          assert.notEqual(c.output, c.code, '`output` must differ from `code`');
          assert.equal(out, c.output);
          const again = findingsOf(rule, { ...c, code: out });
          assert.equal(again.length, 0, `the fix did not remove the finding: ${JSON.stringify(again.map((f) => f.message))}`);
        } else {
          assert.equal(c.output, undefined, 'the rule produced no fix but the case gives `output`');
        }
        if (c.suggestions !== undefined) {
          const sugg = found[0]?.suggestions ?? [];
          assert.deepEqual(sugg.map((s) => applyEdits(c.code, s.edits)), c.suggestions);
        }
      });
    }
  });
}
