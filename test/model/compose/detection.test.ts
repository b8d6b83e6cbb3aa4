/** Compose detection through the real entry point, `lint()`: by file name, language id, or a top-level `services` map. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../rules/src/api';
import { dedent } from '../../utils/dedent';

const PRIVILEGED = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';

function kindAndRules(p: string, text: string, languageId?: string): { kind: string; rules: string[] } {
  const r = lint(languageId === undefined ? { path: p, text } : { path: p, text, languageId });
  assert.deepEqual(r.crashedRules, []);
  return { kind: r.kind, rules: [...new Set(r.findings.map((f) => f.ruleId))] };
}

describe('compose detection', () => {
  for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'docker-compose.override.yml', 'compose.override.yaml', 'docker-compose.prod.yaml', 'deploy/compose.dev.yml', 'C:\\proj\\Docker-Compose.YML']) {
    it(`by name: ${name}`, () => {
      const got = kindAndRules(name, PRIVILEGED);
      assert.equal(got.kind, 'compose');
      assert.ok(got.rules.includes('DC001'));
    });
  }

  it('by content: any YAML with a top-level services map', () => {
    for (const name of ['stack.yml', 'infra/app.yaml', 'positive1.yaml']) assert.equal(kindAndRules(name, PRIVILEGED).kind, 'compose', name);
  });

  it('by content: JSON with a services map', () => {
    const got = kindAndRules('stack.json', JSON.stringify({ services: { web: { image: 'nginx:1.27', privileged: true } } }));
    assert.equal(got.kind, 'compose');
    assert.ok(got.rules.includes('DC001'));
  });

  it('by language id, whatever the name', () => {
    assert.equal(kindAndRules('untitled-1', PRIVILEGED, 'dockercompose').kind, 'compose');
  });

  it('leaves other YAML alone', () => {
    const cases: [string, string][] = [
      ['.gitlab-ci.yml', 'services:\n  - postgres:16\ntest:\n  script: [make]\n'],
      ['.github/workflows/ci.yml', dedent`
        on: push
        jobs:
          test:
            runs-on: ubuntu-latest
            services:
              db:
                image: postgres:16
                options: --privileged
      `],
      ['values.yaml', 'image:\n  tag: latest\nprivileged: true\n'],
      ['mkdocs.yml', 'site_name: x\n'],
    ];
    for (const [name, text] of cases) {
      const r = lint({ path: name, text });
      assert.equal(r.kind, 'yaml', name);
      assert.deepEqual(r.findings, [], name);
    }
  });

  it('a Kubernetes manifest is not Compose even with a services key', () => {
    const got = kindAndRules('svc.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {services: "a"}\nservices:\n  web: {privileged: true}\n');
    assert.equal(got.kind, 'kubernetes');
    assert.ok(!got.rules.some((r) => r.startsWith('DC')));
  });

  it('a compose-named file without services is linted without findings or crashes', () => {
    for (const text of ['', '# nothing\n', 'version: "3"\n', 'services: []\n', '[1, 2]\n', 'services:\n  web:\n    image: [\n']) {
      const r = lint({ path: 'compose.yaml', text }, { settings: { enabledRules: ['DC*'] } });
      assert.equal(r.kind, 'compose');
      assert.deepEqual(r.crashedRules, [], text);
      assert.ok(r.findings.every((f) => !f.ruleId.startsWith('DC')) || text.includes('web'), text);
    }
  });

  it('parse errors are reported and rules still run on what parsed', () => {
    const r = lint({ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n  bad: [\n' });
    assert.ok(r.problems.some((p) => p.source === 'yaml'));
    assert.deepEqual(r.crashedRules, []);
  });
});

describe('compose override files', () => {
  const text = dedent`
    services:
      web:
        image: example/web:dev
        volumes: [./src:/app]
        privileged: true
  `;
  it('"missing X" rules stay quiet on override files, other rules still run', () => {
    const ids = (p: string): string[] => [...new Set(lint({ path: p, text }, { settings: { enabledRules: ['DC*'] } }).findings.map((f) => f.ruleId))].sort();
    const base = ids('compose.yaml');
    for (const missing of ['DC018', 'DC019', 'DC022', 'DC027', 'DC028']) assert.ok(base.includes(missing), missing);
    for (const p of ['docker-compose.override.yml', 'compose.override.yaml', 'deploy/compose.prod-override.yml']) {
      const got = ids(p);
      assert.ok(got.includes('DC001'), p);
      for (const missing of ['DC018', 'DC019', 'DC021', 'DC022', 'DC027', 'DC028', 'DC029', 'DC030']) assert.ok(!got.includes(missing), `${p}: ${missing}`);
    }
  });
});
