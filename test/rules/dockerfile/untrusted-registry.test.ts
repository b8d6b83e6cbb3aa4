/** Table test with a policy (the shared rule tester runs without one). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES } from '../../../rules/src/api';
import rule from '../../../rules/src/dockerfile/untrusted-registry';

function findings(code: string, trustedRegistries: string[]) {
  const r = lint({ path: 'Dockerfile', text: code }, { settings: { enabledRules: [rule.id] }, policy: { trustedRegistries } });
  assert.deepEqual(r.crashedRules, []);
  return r.findings.filter((f) => f.ruleId === rule.id).map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, endColumn: f.range.end.character + 1, message: f.message }));
}

describe(`${rule.id} ${rule.name}`, () => {
  it('is registered exactly once', () => assert.equal(RULES.filter((r) => r.id === rule.id).length, 1));
  it('does nothing without trusted registries', () => assert.deepEqual(findings('FROM random.com/debian:12\n', []), []));
  it('reports a FROM outside the list', () => {
    assert.deepEqual(findings('FROM random.com/debian:12\n', ['docker.io']), [{ line: 1, column: 6, endColumn: 26, message: "'random.com/debian:12' comes from random.com, which is not in the trusted registries." }]);
  });
  it('treats every Docker Hub spelling as docker.io', () => {
    assert.deepEqual(findings('FROM ubuntu:24.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/library/ubuntu:24.04\n', ['docker.io']), []);
    assert.equal(findings('FROM ubuntu:24.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/library/ubuntu:24.04\n', ['trusted.com']).length, 3);
  });
  it('supports wildcards', () => {
    assert.deepEqual(findings('FROM foo.random.com/debian:12\n', ['x.com', '*.random.com']), []);
    assert.equal(findings('FROM x2.com/debian:12\n', ['*.random.com']).length, 1);
    assert.deepEqual(findings('FROM anything.io/x:1\n', ['*']), []);
  });
  it('ignores scratch and earlier stages', () => {
    assert.deepEqual(findings('FROM random.com/foo:1 AS b1\nFROM b1 AS b2\nFROM scratch\n', ['random.com']), []);
  });
  it('checks COPY --from and RUN --mount from=', () => {
    assert.deepEqual(findings('FROM trusted.com/a:1\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n', ['trusted.com']).map((f) => [f.line, f.column]), [[2, 13]]);
    assert.equal(findings('FROM trusted.com/a:1\nRUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n', ['trusted.com']).length, 1);
    assert.deepEqual(findings('FROM trusted.com/a:1 AS s\nFROM trusted.com/b:1\nCOPY --from=s /a /b\nRUN --mount=type=cache,from=s,target=/x true\n', ['trusted.com']), []);
  });
});
