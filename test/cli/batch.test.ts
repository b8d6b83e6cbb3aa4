/** `bulkhead lint --jobs N` (worker threads) prints exactly what the single-threaded run prints. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS, parseJson, runCli, tempTree } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';

function withoutTiming(r: JsonReport): JsonReport {
  return { ...r, summary: { ...r.summary, durationMs: 0 } };
}

describe('bulkhead lint --jobs', () => {
  const files: Record<string, string> = {
    '.bulkhead.yaml': 'rules:\n  DF001: error\n',
    'bad/.bulkhead.yaml': 'rules:\n  DF001: loud\n',
    'bad/Dockerfile': 'FROM node:latest\n',
    'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
    'broken/compose.yaml': 'services:\n  app: [\n',
    'Dockerfile': 'FROM node:latest\n# bulkhead-ignore DF001 -- pinned elsewhere\nFROM ubuntu\n',
  };
  for (let i = 0; i < 12; i++) files[`svc${i}/pod.yaml`] = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.${i}\n      securityContext:\n        privileged: ${i % 2 === 0}\n`;
  const dir = tempTree(files);

  it('gives the same JSON, text and exit code with 3 workers as with none', async () => {
    const one = await runCli(['lint', '.', '--format', 'json'], dir);
    const three = await runCli(['lint', '.', '--format', 'json', '--jobs', '3'], dir);
    assert.equal(three.code, one.code);
    assert.deepEqual(withoutTiming(parseJson<JsonReport>(three)), withoutTiming(parseJson<JsonReport>(one)));
    assert.ok(parseJson<JsonReport>(one).files.some((f) => f.path === 'bad/.bulkhead.yaml'), 'config problems are reported');
    const text1 = await runCli(['lint', '.'], dir);
    const text2 = await runCli(['lint', '.', '-j', 'auto'], dir);
    assert.equal(text2.stdout, text1.stdout);
  });

  it('rejects a bad --jobs value with exit 2', async () => {
    for (const v of ['0', 'many', '1.5']) {
      const r = await runCli(['lint', '.', '--jobs', v], dir);
      assert.equal(r.code, 2, v);
      assert.match(r.stderr, /invalid value .* for '--jobs'/);
    }
  });

  it('gives the same JSON on the real-world corpus with 2 workers', async (t) => {
    const realWorld = path.join(CORPUS, 'real-world');
    if (!existsSync(realWorld)) {
      if (process.env.CI) assert.fail(`missing ${realWorld}`);
      return t.skip(`corpus not found at ${realWorld}; skipping`);
    }
    const one = await runCli(['lint', realWorld, '--format', 'json']);
    const two = await runCli(['lint', realWorld, '--format', 'json', '--jobs', '2']);
    assert.equal(two.code, one.code);
    assert.deepEqual(withoutTiming(parseJson<JsonReport>(two)), withoutTiming(parseJson<JsonReport>(one)));
    t.diagnostic(`real-world: ${Math.round(one.ms)} ms single-threaded, ${Math.round(two.ms)} ms with 2 workers (process wall time)`);
  });
});
