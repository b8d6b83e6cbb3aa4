import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, parseHadolintConfig, resolveSettings, pathGlobMatch } from '../../rules/src/engine/config';
import { lint } from '../../rules/src/api';
import { dedent } from '../utils/dedent';

describe('.bulkhead.yaml', () => {
  it('parses every setting', () => {
    const { config, problems } = parseConfig(dedent`
      rules:
        DF001: error
        K8S0*: warning
        privileged-service: off
      profile: baseline
      trustedRegistries: [docker.io, ghcr.io]
      allowedBaseImages: ["alpine:*"]
      ignorePaths: ["vendor/**"]
      overrides:
        - files: ["deploy/dev/**"]
          rules: { K8S001: off }
    `);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { DF001: 'error', 'K8S0*': 'warning', 'privileged-service': 'off' });
    assert.equal(config.profile, 'baseline');
    assert.deepEqual(config.trustedRegistries, ['docker.io', 'ghcr.io']);
    assert.deepEqual(config.overrides, [{ files: ['deploy/dev/**'], rules: { K8S001: 'off' } }]);
  });

  const invalid: [string, string, RegExp, number][] = [
    ['unknown key', 'rulez:\n  DF001: off\n', /Unknown setting 'rulez'/, 1],
    ['bad severity', 'rules:\n  DF001: loud\n', /must be one of error, warning/, 2],
    ['bad profile', 'profile: strict\n', /baseline or restricted/, 1],
    ['not a list', 'trustedRegistries: docker.io\n', /must be a list/, 1],
    ['override without rules', 'overrides:\n  - files: [a]\n', /needs `files`/, 2],
    ['not a map', '- a\n- b\n', /must be a map/, 1],
    ['YAML syntax error', 'rules: [\n', /YAML/, 2],
  ];
  for (const [name, text, message, line] of invalid) {
    it(`reports ${name} with a position`, () => {
      const { problems } = parseConfig(text);
      assert.ok(problems.length > 0, 'expected a problem');
      assert.match(problems[0]!.message, message);
      assert.equal(problems[0]!.range.start.line + 1, line);
    });
  }

  it('empty file is a valid, empty config', () => {
    assert.deepEqual(parseConfig('').problems, []);
    assert.deepEqual(parseConfig('# nothing yet\n').problems, []);
  });

  it('layers defaults, file, overrides and editor settings in that order', () => {
    const { config } = parseConfig('rules:\n  DF001: error\noverrides:\n  - files: ["dev/**"]\n    rules: { DF001: info }\n');
    const at = (rel: string, editor = {}) => lint({ path: rel, text: 'FROM node:latest\n' }, resolveSettings(config, rel, editor)).findings.filter((f) => f.ruleId === 'DF001').map((f) => f.severity);
    assert.deepEqual(lint({ path: 'Dockerfile', text: 'FROM node:latest\n' }).findings.filter((f) => f.ruleId === 'DF001').map((f) => f.severity), ['warning']);
    assert.deepEqual(at('Dockerfile'), ['error']);
    assert.deepEqual(at('dev/Dockerfile'), ['info']);
    assert.deepEqual(at('dev/Dockerfile', { severityOverrides: { DF001: 'hint' } }), ['hint']);
    assert.deepEqual(at('Dockerfile', { severityOverrides: { 'DF*': 'off' } }), []);
  });

  it('ignorePaths', () => {
    const { config } = parseConfig('ignorePaths: ["vendor/**", "*.generated.yaml"]\n');
    assert.equal(resolveSettings(config, 'vendor/x/Dockerfile').ignored, true);
    assert.equal(resolveSettings(config, 'deploy/a.generated.yaml').ignored, true);
    assert.equal(resolveSettings(config, 'src/Dockerfile').ignored, false);
  });

  it('profile reaches the rules as policy', () => {
    const { config } = parseConfig('profile: baseline\ntrustedRegistries: [ghcr.io]\n');
    assert.deepEqual(resolveSettings(config, 'x').policy, { profile: 'baseline', trustedRegistries: ['ghcr.io'] });
  });
});

describe('.hadolint.yaml', () => {
  it('maps ignored, override and failure-threshold', () => {
    const { config } = parseHadolintConfig('ignored: [DL3007]\noverride:\n  error: [DL3008]\n  style: [DL3015]\ntrustedRegistries: [docker.io]\nfailure-threshold: warning\n');
    assert.deepEqual(config.rules, { DL3007: 'off', DL3008: 'error', DL3015: 'hint' });
    assert.equal(config.failureThreshold, 'warning');
    assert.deepEqual(config.trustedRegistries, ['docker.io']);
    const r = lint({ path: 'Dockerfile', text: 'FROM node:latest\n' }, resolveSettings(config, 'Dockerfile'));
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'DF001'), [], 'DL3007 ignored → the latest-tag rule is off');
  });
});

describe('path globs', () => {
  const table: [string, string, boolean][] = [
    ['vendor/**', 'vendor/a/b/Dockerfile', true],
    ['vendor/**', 'src/vendor/Dockerfile', false],
    ['**/testdata/**', 'a/testdata/x.yaml', true],
    ['*.yaml', 'deep/dir/x.yaml', true],
    ['deploy/*.yaml', 'deploy/x.yaml', true],
    ['deploy/*.yaml', 'deploy/a/x.yaml', false],
  ];
  for (const [glob, path, expected] of table) it(`${glob} ~ ${path} = ${expected}`, () => assert.equal(pathGlobMatch(glob, path), expected));
});

describe('PSS profile', () => {
  const pod = dedent`
    apiVersion: v1
    kind: Pod
    metadata: { name: p, namespace: apps }
    spec:
      containers:
        - name: a
          image: nginx:1.27
          securityContext: { privileged: true }
  `;
  const ids = (profile?: 'baseline' | 'restricted'): Set<string> => new Set(lint({ path: 'pod.yaml', text: pod }, profile ? { policy: { profile } } : {}).findings.map((f) => f.ruleId));
  it('baseline drops restricted-only controls and keeps baseline ones', () => {
    const restricted = ids('restricted');
    const baseline = ids('baseline');
    assert.ok(restricted.has('K8S001') && baseline.has('K8S001'), 'privileged is a baseline control');
    assert.ok(restricted.has('K8S004'), 'runAsNonRoot is reported under restricted');
    assert.ok(!baseline.has('K8S004'), 'runAsNonRoot is a restricted-only control');
    assert.deepEqual(ids(), restricted, 'restricted is the default');
  });
  it('a .bulkhead.yaml profile reaches the engine', () => {
    const { config } = parseConfig('profile: baseline\n');
    const r = lint({ path: 'pod.yaml', text: pod }, resolveSettings(config, 'pod.yaml'));
    assert.ok(!r.findings.some((f) => f.ruleId === 'K8S004'));
  });
});

describe('PSS profile: restricted-only controls that are off by default', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: apps }\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n';
  const has = (id: string, profile?: 'baseline' | 'restricted', settings = {}): boolean => lint({ path: 'pod.yaml', text: pod }, { policy: profile ? { profile } : {}, settings }).findings.some((f) => f.ruleId === id);
  it('restricted (the default) turns seccomp-not-set on; baseline turns it off; an explicit off wins', () => {
    assert.equal(has('K8S032'), true);
    assert.equal(has('K8S032', 'restricted'), true);
    assert.equal(has('K8S032', 'baseline'), false);
    assert.equal(has('K8S032', 'restricted', { severityOverrides: { K8S032: 'off' } }), false);
    assert.equal(has('K8S032', 'restricted', { disabledRules: ['seccomp-not-set'] }), false);
  });
});
