/**
 * Applies every safe fix Bulkhead offers on the real-world Dockerfiles (as "fix all" would) and
 * checks the result: no rule crashes, the fixed findings are gone, and no RUN stops parsing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { lint } from '../../rules/src/api';
import { parseDockerfile } from '../../rules/src/model/dockerfile/parse';
import { scriptOf } from '../../rules/src/model/dockerfile/shell';
import { applyEdits } from '../utils/rule-tester';
import { LineIndex } from '../../rules/src/model/text';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const dir = path.join(repoRoot, '..', 'shared', 'corpus', 'real-world', 'dockerfiles');

function parseErrors(text: string): number {
  const m = parseDockerfile(text);
  return m.instructions.filter((i) => i.keyword === 'RUN' && scriptOf(m, i).error !== undefined).length;
}

/** Keeps edits that do not overlap an already kept one. */
function nonOverlapping(text: string, edits: TextEdit[]): TextEdit[] {
  const idx = new LineIndex(text);
  const spans: [number, number][] = [];
  const out: TextEdit[] = [];
  for (const e of edits) {
    const s = idx.offsetAt(e.range.start);
    const t = idx.offsetAt(e.range.end);
    if (spans.some(([a, b]) => s <= b && a <= t)) continue;
    spans.push([s, t]);
    out.push(e);
  }
  return out;
}

describe('safe fixes on real-world Dockerfiles', () => {
  if (corpusMissing(dir, 'real-world corpus')) return;
  it('fix-all removes the fixed findings and keeps every RUN parseable', (t) => {
    let applied = 0;
    let files = 0;
    for (const f of readdirSync(dir).sort()) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      if (text.includes('{{') || f.endsWith('.template')) continue;
      const before = lint({ path: 'Dockerfile', text }, {});
      const fixed = before.findings.filter((x) => x.fix);
      if (fixed.length === 0) continue;
      files++;
      const edits = nonOverlapping(text, fixed.flatMap((x) => x.fix!.edits));
      const out = applyEdits(text, edits);
      applied += edits.length;
      const after = lint({ path: 'Dockerfile', text: out }, {});
      assert.deepEqual(after.crashedRules, [], f);
      for (const id of new Set(fixed.map((x) => x.ruleId))) {
        const was = before.findings.filter((x) => x.ruleId === id).length;
        const now = after.findings.filter((x) => x.ruleId === id).length;
        assert.ok(now < was, `${f}: fixes for ${id} did not reduce its findings (${was} → ${now})`);
      }
      assert.ok(parseErrors(out) <= parseErrors(text), `${f}: a fix broke the shell syntax of a RUN`);
    }
    t.diagnostic(`${applied} safe edits applied in ${files} files`);
    assert.ok(applied > 0);
  });
});
