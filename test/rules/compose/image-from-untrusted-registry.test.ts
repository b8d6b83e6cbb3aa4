/** Table test with a policy (the shared rule tester runs without one). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES } from '../../../rules/src/api';
import rule from '../../../rules/src/compose/image-from-untrusted-registry';
import { dedent } from '../../utils/dedent';

function findings(code: string, trustedRegistries: string[]) {
  const r = lint({ path: 'compose.yaml', text: code }, { settings: { enabledRules: [rule.id] }, policy: { trustedRegistries } });
  assert.deepEqual(r.crashedRules, []);
  return r.findings.filter((f) => f.ruleId === rule.id).map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, endColumn: f.range.end.character + 1, message: f.message }));
}

const services = dedent`
  services:
    web:
      image: nginx:1.27.2
    metrics:
      image: "quay.io/prometheus/prometheus:v2.54.1"
    api:
      image: registry.example.com/team/api:3.1
    app:
      build: .
      image: ghcr.io/example/app:1.0
    templated:
      image: \${REGISTRY}/worker:1
`;

describe(`${rule.id} ${rule.name}`, () => {
  it('is registered exactly once', () => assert.equal(RULES.filter((r) => r.id === rule.id).length, 1));
  it('does nothing without trusted registries', () => assert.deepEqual(findings(services, []), []));
  it('reports pulled images outside the list, skipping built and interpolated ones', () => {
    assert.deepEqual(findings(services, ['registry.example.com']), [
      { line: 3, column: 12, endColumn: 24, message: "Service 'web' pulls 'nginx:1.27.2' from docker.io, which is not in the trusted registries." },
      { line: 5, column: 12, endColumn: 51, message: "Service 'metrics' pulls 'quay.io/prometheus/prometheus:v2.54.1' from quay.io, which is not in the trusted registries." },
    ]);
  });
  it('treats every Docker Hub spelling as docker.io and supports wildcards', () => {
    assert.deepEqual(findings(services, ['docker.io', 'quay.io', '*.example.com']), []);
    assert.deepEqual(findings(services, ['index.docker.io', '*']), []);
    assert.deepEqual(findings(dedent`
      services:
        a:
          image: docker.io/library/redis:7.4
        b:
          image: Registry.Example.com/b:1
    `, ['docker.io', 'registry.example.com']), []);
  });
  it('reports an image inherited through a merge key on the service that uses it', () => {
    const code = dedent`
      x-base: &base
        image: quay.io/x/y:1
      services:
        one:
          <<: *base
    `;
    assert.deepEqual(findings(code, ['registry.example.com']).map((f) => f.message), ["Service 'one' pulls 'quay.io/x/y:1' from quay.io, which is not in the trusted registries."]);
  });
});
