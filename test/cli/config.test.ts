/** `bulkhead lint` with configuration files (.bulkhead.yaml, .hadolint.yaml) and their precedence under CLI flags. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, runCli, tempTree } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';

const LATEST = 'FROM node:latest\n';
const idsOf = (r: JsonReport, file: string): string[] => r.files.find((f) => f.path === file)?.findings.map((f) => f.ruleId) ?? [];
const sevOf = (r: JsonReport, file: string, id: string): string | undefined => r.files.find((f) => f.path === file)?.findings.find((f) => f.ruleId === id)?.severity;

describe('bulkhead lint: configuration files', () => {
  const dir = tempTree({
    '.bulkhead.yaml': 'rules:\n  DF001: error\nignorePaths:\n  - "generated/**"\noverrides:\n  - files: ["legacy/**"]\n    rules:\n      latest-tag: off\n',
    'Dockerfile': LATEST,
    'legacy/Dockerfile': LATEST,
    'generated/Dockerfile': LATEST,
    'team/.bulkhead.yaml': 'rules:\n  DF001: info\n',
    'team/Dockerfile': LATEST,
    'bad/.bulkhead.yaml': 'rules:\n  DF001: loud\nunknownKey: 1\n',
    'bad/Dockerfile': LATEST,
  });

  it('applies the nearest config: severities, overrides per path and ignorePaths', async () => {
    const r = parseJson<JsonReport>(await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', '--ignore', 'bad'], dir));
    assert.equal(sevOf(r, 'Dockerfile', 'DF001'), 'error', 'root config raises DF001 to error');
    assert.ok(!idsOf(r, 'legacy/Dockerfile').includes('DF001'), 'overrides turn it off under legacy/');
    assert.equal(r.files.find((f) => f.path === 'generated/Dockerfile'), undefined, 'ignorePaths drops generated/');
    assert.equal(sevOf(r, 'team/Dockerfile', 'DF001'), 'info', 'the nearest config wins');
  });

  it('reads .hadolint.yaml (ignored DL3007 maps to DF001), beneath a .bulkhead.yaml', async () => {
    const hado = tempTree({ 'a/.hadolint.yaml': 'ignored:\n  - DL3007\n', 'a/Dockerfile': LATEST, 'b/.hadolint.yaml': 'ignored:\n  - DL3007\n', 'b/.bulkhead.yaml': 'rules:\n  DF001: error\n', 'b/Dockerfile': LATEST });
    const r = parseJson<JsonReport>(await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none'], hado));
    assert.ok(!idsOf(r, 'a/Dockerfile').includes('DF001'), 'hadolint ignore applies');
    assert.equal(sevOf(r, 'b/Dockerfile', 'DF001'), 'error', '.bulkhead.yaml is layered above .hadolint.yaml');
  });

  it('command-line flags take precedence over config files', async () => {
    const r = parseJson<JsonReport>(await runCli(['lint', 'team/Dockerfile', '--format', 'json', '--severity', 'DF001=warning'], dir));
    assert.equal(sevOf(r, 'team/Dockerfile', 'DF001'), 'warning');
  });

  it('--no-config ignores configuration files', async () => {
    const r = parseJson<JsonReport>(await runCli(['lint', 'Dockerfile', 'legacy/Dockerfile', '--format', 'json', '--no-config'], dir));
    assert.equal(sevOf(r, 'Dockerfile', 'DF001'), 'warning');
    assert.equal(sevOf(r, 'legacy/Dockerfile', 'DF001'), 'warning');
  });

  it('reports problems in an invalid config file as errors on that file (exit 1)', async () => {
    const r = await runCli(['lint', 'bad', '--severity', '*=off'], dir);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^bad\/\.bulkhead\.yaml:\d+:\d+ error bulkhead\/config /m);
    const json = parseJson<JsonReport>(await runCli(['lint', 'bad', '--format', 'json'], dir));
    const config = json.files.find((f) => f.path === 'bad/.bulkhead.yaml');
    assert.equal(config?.kind, 'config');
    assert.ok((config?.problems.length ?? 0) >= 1 && config?.problems.every((p) => p.source === 'bulkhead' && p.code === 'config' && p.severity === 'error'));
  });
});
