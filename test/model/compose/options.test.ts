import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { composeModelOf } from '../../../rules/src/model/compose/services';
import { capName, splitOption } from '../../../rules/src/model/compose/options';
import { isSecretName, isLiteralSecretValue, urlPassword } from '../../../rules/src/model/compose/secrets';
import { dedent } from '../../utils/dedent';

describe('compose model: options', () => {
  it('splits security options at the first : or =', () => {
    assert.deepEqual(splitOption('seccomp:unconfined'), { key: 'seccomp', value: 'unconfined' });
    assert.deepEqual(splitOption('seccomp=/p.json'), { key: 'seccomp', value: '/p.json' });
    assert.deepEqual(splitOption('label=type:spc_t'), { key: 'label', value: 'type:spc_t' });
    assert.deepEqual(splitOption('apparmor: false'), { key: 'apparmor', value: 'false' });
    assert.deepEqual(splitOption('No-New-Privileges'), { key: 'no-new-privileges', value: undefined });
  });

  it('normalises capability names', () => {
    assert.equal(capName(' cap_sys_admin '), 'SYS_ADMIN');
    assert.equal(capName('all'), 'ALL');
  });

  it('reads environment in map and list form', () => {
    const m = composeModelOf(parseYaml(dedent`
      services:
        a:
          image: x
          environment:
            A: 1
            B:
            C: "x=y"
        b:
          image: x
          environment: [A=1, B, "C=x=y", "=bad"]
    `));
    assert.deepEqual(m.services[0]!.environment.map((e) => [e.name, e.value]), [['A', '1'], ['B', undefined], ['C', 'x=y']]);
    assert.deepEqual(m.services[1]!.environment.map((e) => [e.name, e.value]), [['A', '1'], ['B', undefined], ['C', 'x=y']]);
    assert.deepEqual(m.services[0]!.environment[0]!.at.start, { line: 4, character: 6 });
  });

  it('judges secret-looking names by tokens', () => {
    for (const n of ['POSTGRES_PASSWORD', 'db_pass', 'apiKey', 'JWT_SECRET', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'private-key', 'SMTP_PWD', 'MY_API_KEY']) assert.ok(isSecretName(n), n);
    for (const n of ['PASSWORD_FILE', 'TOKEN_TTL', 'AWS_ACCESS_KEY_ID', 'STRIPE_PUBLISHABLE_KEY', 'PWD', 'SECRET_NAME', 'KEYCLOAK_URL', 'PASSPORT_NUMBER', 'KEY', 'MONKEY']) assert.ok(!isSecretName(n), n);
  });

  it('judges values', () => {
    assert.equal(isLiteralSecretValue('hunter2'), true);
    for (const v of [undefined, '', '  ', '${X}', '$X', 'true', 'no']) assert.equal(isLiteralSecretValue(v), false, String(v));
    assert.equal(urlPassword('postgres://u:p4ss@db/x'), 'p4ss');
    assert.equal(urlPassword('postgres://u:${P}@db/x'), undefined);
    assert.equal(urlPassword('http://host:8080/path'), undefined);
    assert.equal(urlPassword('redis://:pw@cache:6379'), 'pw');
  });
});

describe('compose model: secrets', () => {
  it('reads service references in both syntaxes and top-level declarations', () => {
    const m = composeModelOf(parseYaml(dedent`
      services:
        db:
          image: postgres:16
          secrets:
            - db_password
            - source: tls_key
              target: /etc/ssl/private/key.pem
              mode: 0400
            - {bad: 1}
      secrets:
        db_password: {file: ./db_password.txt}
        tls_key: {environment: TLS_KEY}
        vault: {external: true}
        inline: {content: abc}
        odd: {}
    `));
    assert.deepEqual(m.services[0]!.secrets.map((s) => [s.source, s.target, s.mode, s.at.start.line]), [['db_password', undefined, undefined, 4], ['tls_key', '/etc/ssl/private/key.pem', '0400', 5]]);
    assert.deepEqual(m.secrets.map((s) => [s.name, s.from]), [['db_password', 'file'], ['tls_key', 'environment'], ['vault', 'external'], ['inline', 'content'], ['odd', 'unknown']]);
  });
});
