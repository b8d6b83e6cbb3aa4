/**
 * Lints every official-image Dockerfile in ../shared/corpus/real-world/dockerfiles: no rule may
 * crash, every RUN that is real shell must parse, and the run must be fast. Prints findings per
 * rule (the review list for error-severity findings).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../rules/src/api';
import { parseDockerfile } from '../../rules/src/model/dockerfile/parse';
import { scriptOf } from '../../rules/src/model/dockerfile/shell';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const dir = path.join(repoRoot, '..', 'shared', 'corpus', 'real-world', 'dockerfiles');

describe('real-world Dockerfiles', () => {
  if (corpusMissing(dir, 'real-world corpus')) return;
  const files = readdirSync(dir).sort();
  it('lints every file without a crashed rule', (t) => {
    const perRule = new Map<string, number>();
    const errors: string[] = [];
    const started = Date.now();
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const res = lint({ path: path.join(dir, f), text, languageId: 'dockerfile' }, {});
      assert.equal(res.kind, 'dockerfile', f);
      assert.deepEqual(res.crashedRules, [], `${f}: crashed ${res.crashedRules.join(', ')}`);
      for (const x of res.findings) {
        perRule.set(`${x.ruleId} ${x.ruleName} (${x.severity})`, (perRule.get(`${x.ruleId} ${x.ruleName} (${x.severity})`) ?? 0) + 1);
        if (x.severity === 'error') errors.push(`${f}:${x.range.start.line + 1} ${x.ruleId} ${x.message}`);
      }
    }
    const ms = Date.now() - started;
    const lines = [`${files.length} files in ${ms} ms`, ...[...perRule].sort().map(([k, n]) => `${k}: ${n}`), ...errors.map((e) => `error: ${e}`)];
    for (const l of lines) t.diagnostic(l);
    assert.ok(files.length > 0);
  });
  it('parses the shell of every RUN except in Go-template files', () => {
    const failed: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      if (text.includes('{{') || f.endsWith('.template')) continue;
      const model = parseDockerfile(text);
      for (const i of model.instructions) {
        if (i.keyword !== 'RUN') continue;
        const s = scriptOf(model, i);
        if (s.error) failed.push(`${f}:${i.range.start.line + 1}: ${s.error}`);
      }
    }
    assert.deepEqual(failed, []);
  });
});
