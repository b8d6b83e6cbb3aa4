import { defineRule } from '../engine/rule';
import { getIn, mapGet, nodeRange, scalarValue, seqItems, stringValue } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

export default defineRule({
  id: 'K8S048',
  name: 'probe-port-not-exposed',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'warning',
  title: 'Probes must target a declared container port',
  fix: 'none',
  anchors: { kubeLinter: ['liveness-port', 'readiness-port', 'startup-port'] },
  messages: {
    namedPort: (container: string, probe: string, port: string) => `${container} ${probe} uses port '${port}', which no containerPort is named.`,
    number: (container: string, probe: string, port: number) => `${container} ${probe} uses port ${port}, which is not a declared containerPort.`,
  },
  docs: {
    summary: 'A probe\'s `httpGet`, `tcpSocket` or `grpc` port is a name no container port has, or a number the container does not declare.',
    rationale: 'A named port that does not exist makes the probe fail at run time, so the pod is restarted or never becomes ready. A numeric port is checked only when the container declares ports at all (declaring them is optional).',
    remediation: 'Point the probe at a port listed in the container\'s `ports`, or add that port.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    examples: {
      bad: [containerYaml('ports:\n  - name: http\n    containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /\n    port: web\n')],
      good: [containerYaml('ports:\n  - name: http\n    containerPort: 8080\nlivenessProbe:\n  httpGet:\n    path: /\n    port: http\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const ports = seqItems(mapGet(c.node, 'ports'));
      const names = new Set(ports.map((p) => stringValue(mapGet(p, 'name'))).filter((n) => n !== undefined));
      const numbers = new Set(ports.map((p) => scalarValue(mapGet(p, 'containerPort'))).filter((n) => typeof n === 'number'));
      for (const probe of PROBES) {
        for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
          const node = getIn(c.node, [probe, handler, 'port']);
          const v = scalarValue(node);
          const at = nodeRange(c.workload.object.file, node) ?? c.range;
          if (typeof v === 'string' && !/^\d+$/.test(v) && !names.has(v)) ctx.report({ at, messageId: 'namedPort', args: [containerLabel(c), probe, v] });
          else if (typeof v === 'number' && ports.length > 0 && !numbers.has(v)) ctx.report({ at, messageId: 'number', args: [containerLabel(c), probe, v] });
        }
      }
    },
  },
});
