import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { composeModelOf } from '../../../rules/src/model/compose/services';
import { isHostPath, splitShortVolume } from '../../../rules/src/model/compose/volumes';
import { classifyHostPath } from '../../../rules/src/model/compose/host-paths';
import { hasInterpolation, normalizeHostPath, substituteDefaults } from '../../../rules/src/model/compose/interpolation';
import { dedent } from '../../utils/dedent';

describe('compose model: volumes', () => {
  it('parses short and long syntax', () => {
    const m = composeModelOf(parseYaml(dedent`
      services:
        a:
          image: x
          volumes:
            - ./src:/app
            - data:/var/lib/data:ro
            - /cache
            - "/etc/ssl:/etc/ssl:ro,z"
            - C:\\data:/data
            - \${HOME}/.cfg:/cfg
            - type: bind
              source: /srv
              target: /srv
              read_only: true
              bind: {propagation: rshared}
            - {type: volume, target: /anon}
            - {type: tmpfs, target: /tmp}
            - {source: named, target: /n}
            - {type: npipe, source: \\\\.\\pipe\\docker_engine, target: \\\\.\\pipe\\docker_engine}
    `));
    const got = m.services[0]!.volumes.map((v) => [v.type, v.source, v.target, v.readOnly, v.modes.join(','), v.propagation?.value]);
    assert.deepEqual(got, [
      ['bind', './src', '/app', false, '', undefined],
      ['volume', 'data', '/var/lib/data', true, 'ro', undefined],
      ['anonymous', undefined, '/cache', false, '', undefined],
      ['bind', '/etc/ssl', '/etc/ssl', true, 'ro,z', undefined],
      ['bind', 'C:\\data', '/data', false, '', undefined],
      ['bind', '${HOME}/.cfg', '/cfg', false, '', undefined],
      ['bind', '/srv', '/srv', true, '', 'rshared'],
      ['anonymous', undefined, '/anon', false, '', undefined],
      ['tmpfs', undefined, '/tmp', false, '', undefined],
      ['volume', 'named', '/n', false, '', undefined],
      ['other', '\\\\.\\pipe\\docker_engine', '\\\\.\\pipe\\docker_engine', false, '', undefined],
    ]);
  });

  it('splits short syntax around interpolations and drive letters', () => {
    assert.deepEqual(splitShortVolume('${SRC:-/a:b}:/dst:ro'), { source: '${SRC:-/a:b}', target: '/dst', mode: 'ro' });
    assert.deepEqual(splitShortVolume('D:/x:/y'), { source: 'D:/x', target: '/y' });
    assert.deepEqual(splitShortVolume('/only'), { target: '/only' });
    assert.equal(isHostPath('~/x'), true);
    assert.equal(isHostPath('named'), false);
  });

  it('classifies host paths', () => {
    const cases: [string, ReturnType<typeof classifyHostPath>][] = [
      ['/var/run/docker.sock', 'socket'],
      ['//run//docker.sock/', 'socket'],
      ['${SOCK:-/var/run/docker.sock}', 'socket'],
      ['/run/user/1000/podman/podman.sock', 'socket'],
      ['\\\\.\\pipe\\docker_engine', 'socket'],
      ['/var/run', 'socket-directory'],
      ['/run/', 'socket-directory'],
      ['/', 'sensitive'],
      ['/etc', 'sensitive'],
      ['/etc/nginx/conf.d', 'sensitive'],
      ['/var/lib/mysql', 'sensitive'],
      ['/home', 'sensitive'],
      ['/home/me/project', undefined],
      ['/etcetera', undefined],
      ['/srv/app', undefined],
      ['./data', undefined],
      ['${DATA}', undefined],
    ];
    for (const [p, want] of cases) assert.equal(classifyHostPath(p), want, p);
  });

  it('interpolation helpers', () => {
    assert.equal(substituteDefaults('${A:-/x}/${B-y}/${C}'), '/x/y/${C}');
    assert.equal(hasInterpolation('a$$b'), false);
    assert.equal(hasInterpolation('$HOME/x'), true);
    assert.equal(hasInterpolation('${X}'), true);
    assert.equal(normalizeHostPath('/a//b/'), '/a/b');
    assert.equal(normalizeHostPath('/'), '/');
  });
});
