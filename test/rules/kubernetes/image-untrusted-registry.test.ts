/** Table test with a policy (the shared rule tester runs without one). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES } from '../../../rules/src/api';
import rule from '../../../rules/src/kubernetes/image-untrusted-registry';
import { invalidInEveryKind, pod } from './kinds';

function findings(code: string, trustedRegistries: string[], path = 'manifest.yaml') {
  const r = lint({ path, text: code }, { settings: { enabledRules: [rule.id] }, policy: { trustedRegistries } });
  assert.deepEqual(r.crashedRules, []);
  return r.findings.filter((f) => f.ruleId === rule.id).map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, endColumn: f.range.end.character + 1, message: f.message }));
}

const three = pod('initContainers:\n  - name: init\n    image: quay.io/coreos/etcd:v3.5.15\ncontainers:\n  - name: app\n    image: nginx:1.27.2\n  - name: side\n    image: "registry.example.com/team/side:2.0"\nephemeralContainers:\n  - name: debug\n    image: ghcr.io/nicolaka/netshoot:v0.13\n');

describe(`${rule.id} ${rule.name}`, () => {
  it('is registered exactly once', () => assert.equal(RULES.filter((r) => r.id === rule.id).length, 1));
  it('does nothing without trusted registries', () => assert.deepEqual(findings(three, []), []));
  it('reports every kind of container outside the list, at the image value', () => {
    assert.deepEqual(findings(three, ['registry.example.com']), [
      { line: 8, column: 14, endColumn: 41, message: "Init container 'init' pulls 'quay.io/coreos/etcd:v3.5.15' from quay.io, which is not in the trusted registries." },
      { line: 11, column: 14, endColumn: 26, message: "Container 'app' pulls 'nginx:1.27.2' from docker.io, which is not in the trusted registries." },
      { line: 16, column: 14, endColumn: 45, message: "Ephemeral container 'debug' pulls 'ghcr.io/nicolaka/netshoot:v0.13' from ghcr.io, which is not in the trusted registries." },
    ]);
  });
  it('treats every Docker Hub spelling as docker.io', () => {
    const hub = pod('containers:\n  - name: a\n    image: nginx:1.27\n  - name: b\n    image: docker.io/library/nginx:1.27\n  - name: c\n    image: index.docker.io/bitnami/redis:7.4\n');
    assert.deepEqual(findings(hub, ['docker.io']), []);
    assert.deepEqual(findings(hub, ['index.docker.io']), []);
    assert.equal(findings(hub, ['registry.example.com']).length, 3);
  });
  it('supports wildcards, ports and upper-case hosts', () => {
    const code = pod('containers:\n  - name: a\n    image: eu.registry.example.com/app:1\n  - name: b\n    image: localhost:5000/app:1\n  - name: c\n    image: Registry.Example.com/app:1\n');
    assert.deepEqual(findings(code, ['*.registry.example.com', 'localhost:5000', 'registry.example.com']), []);
    assert.deepEqual(findings(code, ['*']), []);
    assert.deepEqual(findings(code, ['*.example.com']).map((f) => f.line), [10]);
  });
  it('skips containers without an image and interpolated images', () => {
    const code = pod('containers:\n  - name: a\n    image: ${REGISTRY}/app:1\n  - name: b\n    image: $(IMAGE)\n');
    assert.deepEqual(findings(code, ['registry.example.com']), []);
    assert.deepEqual(findings(pod('containers:\n  - name: a\n    resources: {}\n'), ['registry.example.com'], 'overlays/prod/patch.yaml'), []);
  });
  it('covers every workload kind', () => {
    for (const c of invalidInEveryKind('containers:\n  - name: app\n    image: quay.io/x/y:1\n', 'quay', [{ messageId: 'untrusted', line: 3 }])) {
      assert.deepEqual(findings(c.code, ['registry.example.com']).map((f) => f.line), [c.errors[0]?.line], c.name);
    }
  });
});
