import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { composeModelOf } from '../../../rules/src/model/compose/services';
import { bindsAllInterfaces, parsePortRange, splitShortPort } from '../../../rules/src/model/compose/ports';

function portsOf(list: string): { ip: string | undefined; host: string; container: string; proto: string | undefined; all: boolean; long: boolean }[] {
  const m = composeModelOf(parseYaml(`services:\n  a:\n    image: x\n    ports: ${list}\n`));
  const fmt = (r: { start: number; end: number } | undefined): string => (r ? (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`) : '-');
  return m.services[0]!.ports.map((p) => ({ ip: p.hostIp, host: fmt(p.hostPorts), container: fmt(p.containerPorts), proto: p.protocol, all: bindsAllInterfaces(p), long: p.long }));
}

describe('compose model: ports', () => {
  it('parses short syntax', () => {
    assert.deepEqual(portsOf('["3000", 80, "8080:80", "127.0.0.1:8001:8001/udp", "9090-9091:8080-8081", "127.0.0.1::5000", "[::1]:6000:6001", "::1:7000:7001", "0.0.0.0:80:80/tcp"]'), [
      { ip: undefined, host: '-', container: '3000', proto: undefined, all: true, long: false },
      { ip: undefined, host: '-', container: '80', proto: undefined, all: true, long: false },
      { ip: undefined, host: '8080', container: '80', proto: undefined, all: true, long: false },
      { ip: '127.0.0.1', host: '8001', container: '8001', proto: 'udp', all: false, long: false },
      { ip: undefined, host: '9090-9091', container: '8080-8081', proto: undefined, all: true, long: false },
      { ip: '127.0.0.1', host: '-', container: '5000', proto: undefined, all: false, long: false },
      { ip: '::1', host: '6000', container: '6001', proto: undefined, all: false, long: false },
      { ip: '::1', host: '7000', container: '7001', proto: undefined, all: false, long: false },
      { ip: '0.0.0.0', host: '80', container: '80', proto: 'tcp', all: true, long: false },
    ]);
  });

  it('parses long syntax, including the published-with-address form seen in the wild', () => {
    assert.deepEqual(portsOf('[{target: 80, published: "8080", protocol: tcp}, {target: 80, host_ip: 127.0.0.1, published: 8081-8085}, {target: 8000, published: "127.0.0.1:8080"}, {target: 8000, published: 127.0.0.1}, {target: 53, host_ip: "::"}]'), [
      { ip: undefined, host: '8080', container: '80', proto: 'tcp', all: true, long: true },
      { ip: '127.0.0.1', host: '8081-8085', container: '80', proto: undefined, all: false, long: true },
      { ip: '127.0.0.1', host: '8080', container: '8000', proto: undefined, all: false, long: true },
      { ip: '127.0.0.1', host: '-', container: '8000', proto: undefined, all: false, long: true },
      { ip: '::', host: '-', container: '53', proto: undefined, all: true, long: true },
    ]);
  });

  it('flags interpolation and ignores non-list values', () => {
    const m = composeModelOf(parseYaml('services:\n  a:\n    image: x\n    ports: ["${P}:80"]\n  b:\n    image: x\n    ports: "80:80"\n'));
    assert.equal(m.services[0]!.ports[0]!.interpolated, true);
    assert.deepEqual(m.services[1]!.ports, []);
  });

  it('port range and split helpers', () => {
    assert.deepEqual(parsePortRange('8000-8010'), { start: 8000, end: 8010 });
    assert.equal(parsePortRange('http'), undefined);
    assert.equal(parsePortRange(undefined), undefined);
    assert.deepEqual(splitShortPort('127.0.0.1:80:80/udp'), { container: '80', host: '80', hostIp: '127.0.0.1', protocol: 'udp' });
  });
});
