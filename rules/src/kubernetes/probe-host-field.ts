import { lazySuggestion, defineRule } from '../engine/rule';
import { getIn, nodeRange, pairOf, stringValue } from '../model/yaml/documents';
import { removeKey } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

const HANDLERS: readonly string[][] = [
  ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((p) => [[p, 'httpGet'], [p, 'tcpSocket']]),
  ...['postStart', 'preStop'].flatMap((h) => [['lifecycle', h, 'httpGet'], ['lifecycle', h, 'tcpSocket']]),
];

export default defineRule({
  id: 'K8S030',
  name: 'probe-host-field',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Probes and lifecycle hooks must not set host',
  fix: 'suggestion',
  anchors: { pss: ['baseline:hostProbesAndHostLifecycle'] },
  messages: {
    host: (container: string, path: string, host: string) => `${container} sends ${path} to host '${host}'.`,
  },
  docs: {
    summary: 'A probe or lifecycle hook (`httpGet` or `tcpSocket`) sets `host`.',
    rationale: 'The kubelet performs probes and hooks from the node. With `host` set, anyone who can create pods can make the kubelet connect to arbitrary addresses reachable from the node (server-side request forgery into the node network or cloud metadata). The baseline Pod Security Standard forbids it since 1.34.',
    remediation: 'Remove `host`; the probe then targets the pod IP.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: [containerYaml('livenessProbe:\n  httpGet:\n    host: 169.254.169.254\n    path: /\n    port: 80\n')],
      good: [containerYaml('livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const file = c.workload.object.file;
      for (const path of HANDLERS) {
        const handler = getIn(c.node, path);
        const host = stringValue(getIn(handler, ['host']));
        if (host === undefined || host === '') continue;
        ctx.report({ at: nodeRange(file, pairOf(handler, 'host')) ?? c.range, messageId: 'host', args: [containerLabel(c), path.join('.'), host], fixes: lazySuggestion('Remove host', () => removeKey(file, handler, 'host')) });
      }
    },
  },
});
