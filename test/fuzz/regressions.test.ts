/**
 * Inputs the long fuzz run found, reduced by hand, kept as plain regression tests.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../rules/src/api';
import { LineIndex } from '../../rules/src/model/text';
import { checkDocument, describeViolations } from './harness';

describe('fuzz regressions', () => {
  // Long run, seed 8081: `yaml` reports errors at a line end as [offset of \r, offset of \n];
  // the \n offset became a character one past the end of the line.
  const crlf: Record<string, string> = {
    DUPLICATE_KEY: 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  volumes:\r\n  - hostPath:\r\n    hostPath:\r\n      type: Sock\r\n',
    BLOCK_AS_IMPLICIT_KEY: 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  requests:\r\n- metadata:\r\n  ec:\r\n',
    BAD_INDENT: 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  securityContext:\r\n v1\r\nki,nd: Pod\r\n',
  };
  for (const [code, text] of Object.entries(crlf)) {
    it(`${code} at a CRLF line end stays inside the line`, () => {
      const result = lint({ path: 'manifest.yaml', text });
      const problem = result.problems.find((p) => p.code === code);
      assert.ok(problem, `expected a ${code} problem, got ${result.problems.map((p) => p.code).join(', ')}`);
      const lines = new LineIndex(text);
      assert.ok(problem.range.end.character <= lines.lineText(problem.range.end.line).length, JSON.stringify(problem.range));
      const vs = checkDocument('kubernetes', text);
      assert.deepEqual(vs, [], describeViolations('kubernetes', text, vs));
    });
  }
  it('LineIndex maps the offset between \\r and \\n to the end of the line', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });
});
