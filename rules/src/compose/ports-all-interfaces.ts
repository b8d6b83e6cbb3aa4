import { lazySuggestion, defineRule } from '../engine/rule';
import type { TextEdit } from 'vscode-languageserver-types';
import { isScalar, mapGet, stringValue } from '../model/yaml/documents';
import { fieldOf } from '../model/compose/services';
import { bindsAllInterfaces, splitShortPort, type PortMapping } from '../model/compose/ports';
import { addMapEntry, replaceScalar } from '../model/compose/edits';
import type { YamlFile } from '../model/yaml/documents';

/** Rebinds a mapping to 127.0.0.1, in the syntax it is written in. */
function bindToLoopback(file: YamlFile, p: PortMapping): TextEdit | undefined {
  if (p.inherited) return undefined;
  if (p.long) {
    const hostIp = mapGet(p.node, 'host_ip');
    return hostIp !== undefined ? replaceScalar(file, hostIp, '127.0.0.1', true, true) : addMapEntry(file, p.node, 'host_ip', '127.0.0.1');
  }
  if (!isScalar(p.node)) return undefined;
  const parts = splitShortPort(String(p.node.value));
  const proto = parts.protocol === undefined ? '' : `/${parts.protocol}`;
  return replaceScalar(file, p.node, `127.0.0.1:${parts.host ?? ''}:${parts.container}${proto}`, true, true);
}

function describe(p: PortMapping): string {
  if (!p.hostPorts) return p.containerPorts ? `container port ${p.containerPorts.start}${p.containerPorts.end !== p.containerPorts.start ? `-${p.containerPorts.end}` : ''} on a random host port` : 'a port';
  return `port ${p.hostPorts.start}${p.hostPorts.end !== p.hostPorts.start ? `-${p.hostPorts.end}` : ''}`;
}

export default defineRule({
  id: 'DC023',
  name: 'ports-all-interfaces',
  target: 'compose',
  category: 'network',
  severity: 'info',
  title: 'Bind published ports to a specific host address',
  fix: 'suggestion',
  anchors: {
    kics: ['451d79dc-0588-476a-ad03-3c7f0320abb3'],
  },
  messages: {
    allInterfaces: (service: string, what: string) => `Service '${service}' publishes ${what} on all host interfaces.`,
  },
  docs: {
    summary: 'A published port has no host address (or `0.0.0.0` / `::`), so it listens on every interface of the host.',
    rationale: 'Docker publishes ports through its own iptables rules, which take effect before host firewalls such as ufw or firewalld, so a port published on all interfaces is often reachable from the network even when the firewall says otherwise. A bare container port (`"80"`) is published on a random host port on all interfaces too.',
    remediation: 'Prefix the mapping with the address it should listen on, usually `127.0.0.1:` for services used only locally or behind a reverse proxy (`host_ip: 127.0.0.1` in the long syntax); use `expose` for ports only other services need.',
    references: ['https://docs.docker.com/engine/network/#published-ports', 'https://docs.docker.com/reference/compose-file/services/#ports', 'CIS Docker Benchmark 5.13'],
    examples: {
      bad: ['services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n'],
      good: ['services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (stringValue(fieldOf(s, 'network_mode')?.value)?.trim() === 'host') return;
      for (const p of s.ports) {
        if (p.interpolated || !bindsAllInterfaces(p)) continue;
        ctx.report({ at: p.at, messageId: 'allInterfaces', args: [s.name, describe(p)], fixes: lazySuggestion('Bind to 127.0.0.1 only', () => bindToLoopback(ctx.model.file, p)) });
      }
    },
  },
});
