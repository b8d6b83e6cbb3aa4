import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, pairOf, scalarValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { removeField } from '../model/kubernetes/fixes';
import { replaceNode } from '../model/yaml/edits';

export default defineRule({
  id: 'K8S006',
  name: 'host-network',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Pods must not share the host network',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:hostNamespaces'],
    kubeLinter: ['host-network'],
    checkov: ['CKV_K8S_19'],
    trivy: ['AVD-KSV-0009'],
    polaris: ['hostNetworkSet'],
    kubesec: ['HostNetwork'],
    kics: ['6b6bdfb3-c3ae-44cb-88e4-7405c1ba2c8a'],
  },
  messages: {
    shared: (workload: string) => `${workload} sets hostNetwork: true.`,
  },
  docs: {
    summary: 'The pod spec sets `hostNetwork: true`.',
    rationale: 'The pod joins the node\'s network namespace, so it sees every interface of the node, can bind to node ports and sniff or spoof traffic of other pods and bypass NetworkPolicies. The baseline Pod Security Standard (Host Namespaces) forbids it.',
    remediation: 'Remove `hostNetwork` from the pod spec (or set it to `false`).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: false\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const node = mapGet(w.podSpec, 'hostNetwork');
      if (scalarValue(node) !== true) return;
      const file = w.object.file;
      const remove = removeField(w, w.podSpec, 'hostNetwork');
      const set = replaceNode(file, node, 'false');
      ctx.report({
        at: nodeRange(file, pairOf(w.podSpec, 'hostNetwork')) ?? w.range,
        messageId: 'shared',
        args: [objectLabel(w.object)],
        suggestions: [
          ...(remove ? [{ title: 'Remove hostNetwork', edits: [remove] }] : []),
          ...(set ? [{ title: 'Set hostNetwork: false', edits: [set] }] : []),
        ],
      });
    },
  },
});
