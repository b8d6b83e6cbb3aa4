import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, pairOf, scalarValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { removeField } from '../model/kubernetes/fixes';
import { replaceNode } from '../model/yaml/edits';

export default defineRule({
  id: 'K8S007',
  name: 'host-pid',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Pods must not share the host PID namespace',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:hostNamespaces'],
    kubeLinter: ['host-pid'],
    checkov: ['CKV_K8S_17'],
    trivy: ['AVD-KSV-0010'],
    polaris: ['hostPIDSet'],
    kubesec: ['HostPID'],
    kics: ['302736f4-b16c-41b8-befe-c0baffa0bd9d'],
  },
  messages: {
    shared: (workload: string) => `${workload} sets hostPID: true.`,
  },
  docs: {
    summary: 'The pod spec sets `hostPID: true`.',
    rationale: 'The pod joins the node\'s PID namespace, so it sees every process of the node, can read their environment (often secrets) and, with ptrace or enough privileges, take them over. The baseline Pod Security Standard (Host Namespaces) forbids it.',
    remediation: 'Remove `hostPID` from the pod spec (or set it to `false`).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: false\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const node = mapGet(w.podSpec, 'hostPID');
      if (scalarValue(node) !== true) return;
      const file = w.object.file;
      const remove = removeField(w, w.podSpec, 'hostPID');
      const set = replaceNode(file, node, 'false');
      ctx.report({
        at: nodeRange(file, pairOf(w.podSpec, 'hostPID')) ?? w.range,
        messageId: 'shared',
        args: [objectLabel(w.object)],
        suggestions: [
          ...(remove ? [{ title: 'Remove hostPID', edits: [remove] }] : []),
          ...(set ? [{ title: 'Set hostPID: false', edits: [set] }] : []),
        ],
      });
    },
  },
});
