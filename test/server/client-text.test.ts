/** The client's vscode-free pieces: settings handed to the server and the status item text. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serverSettings } from '../../client/src/serverSettings';
import { describeStatus } from '../../client/src/statusText';
import { ALWAYS_EXCLUDED, INCLUDE_GLOB, chunks, excludeGlob, expandBraces } from '../../client/src/workspaceFiles';
import type { StatusParams } from '../../protocol/src/protocol';

describe('client settings middleware', () => {
  it('resolves auto schema validation against the Red Hat YAML extension', () => {
    assert.equal(serverSettings({}, false).yaml.schemaValidation, 'on');
    assert.equal(serverSettings({}, true).yaml.schemaValidation, 'off');
    assert.equal(serverSettings({ yaml: { schemaValidation: 'on' } }, true).yaml.schemaValidation, 'on', 'an explicit choice wins');
    assert.equal(serverSettings({ yaml: { schemaValidation: 'off' } }, false).yaml.schemaValidation, 'off');
  });

  it('turns junk into safe typed values', () => {
    const s = serverSettings({ enable: 0, disabledRules: 'DF001', severityOverrides: [] }, false);
    assert.deepEqual(s, { enable: true, disabledRules: [], enabledRules: [], severityOverrides: {}, yaml: { schemaValidation: 'on' }, profile: 'restricted', trustedRegistries: [], allowedBaseImages: [], ignorePaths: [], labelSchema: {}, strictLabels: false });
  });
});

describe('language status text', () => {
  const base: StatusParams = { uri: 'file:///p/pod.yaml', kind: 'kubernetes', activeRules: 42, durationMs: 3.25, lintedAt: '2026-01-01T10:00:00.000Z', suppressed: 2, unusedSuppressions: 1, crashedRules: [], profile: 'baseline', configFiles: ['/p/.bulkhead.yaml'] };

  it('shows active rules, profile, last lint, suppressed and unused counts', () => {
    const d = describeStatus(base);
    assert.equal(d.text, 'Bulkhead: 42 rules');
    assert.match(d.detail, /^kubernetes, PSS baseline · last lint .+ \(3\.3 ms\) · 2 suppressed · config: \.bulkhead\.yaml · 1 unused suppression$/);
    assert.equal(d.severity, 'info');
  });

  it('warns when a rule crashed and explains skipped files', () => {
    assert.equal(describeStatus({ ...base, crashedRules: ['K8S001'] }).severity, 'warning');
    assert.deepEqual(describeStatus({ ...base, skipped: 'File looks binary.' }), { text: 'Bulkhead: not linted', detail: 'File looks binary.', severity: 'info' });
  });
});

describe('Lint Workspace file selection', () => {
  it('expands nested braces so several excludes fit in one glob', () => {
    assert.deepEqual(expandBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
    assert.deepEqual(expandBraces('{a,b/{c,d}}/x'), ['a/x', 'b/c/x', 'b/d/x']);
    assert.deepEqual(expandBraces('plain/**'), ['plain/**']);
    assert.deepEqual(expandBraces('broken{a,b'), ['broken{a,b'], 'an unclosed brace is left alone');
  });

  it('builds the exclude from files.exclude and search.exclude, always skipping node_modules and .git', () => {
    const g = excludeGlob({ '**/.svn': true, '**/dist': true, '**/*.{js,map}': true, '**/off': false, '**/cond': { when: '$(basename).ts' } }, { '**/vendor/**': true });
    assert.ok(g.startsWith('{') && g.endsWith('}'));
    const parts = g.slice(1, -1).split(',');
    for (const x of ALWAYS_EXCLUDED) assert.ok(parts.includes(x), x);
    for (const x of ['**/.svn', '**/.svn/**', '**/dist', '**/dist/**', '**/*.js', '**/*.map', '**/vendor/**']) assert.ok(parts.includes(x), `${x} in ${g}`);
    assert.ok(!parts.some((p) => p.includes('off') || p.includes('cond')), 'false and conditional entries are not excluded');
    assert.ok(!g.slice(1, -1).includes('{'), 'no nested braces');
    assert.equal(excludeGlob(undefined, undefined), `{${ALWAYS_EXCLUDED.join(',')}}`);
  });

  it('finds Dockerfiles by any name that contains Dockerfile, YAML files and config files', () => {
    assert.match(INCLUDE_GLOB, /\*Dockerfile\*/);
    assert.match(INCLUDE_GLOB, /\*Containerfile\*/);
    assert.match(INCLUDE_GLOB, /\*\.yaml/);
    assert.match(INCLUDE_GLOB, /\*\.yml/);
    assert.deepEqual(chunks([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  });
});
