import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, pairOf, scalarValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { removeField } from '../model/kubernetes/fixes';
import { replaceNode } from '../model/yaml/edits';

export default defineRule({
  id: 'K8S008',
  name: 'host-ipc',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Pods must not share the host IPC namespace',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:hostNamespaces'],
    kubeLinter: ['host-ipc'],
    checkov: ['CKV_K8S_18'],
    trivy: ['AVD-KSV-0008'],
    polaris: ['hostIPCSet'],
    kubesec: ['HostIPC'],
    kics: ['cd290efd-6c82-4e9d-a698-be12ae31d536'],
  },
  messages: {
    shared: (workload: string) => `${workload} sets hostIPC: true.`,
  },
  docs: {
    summary: 'The pod spec sets `hostIPC: true`.',
    rationale: 'The pod joins the node\'s IPC namespace, so it can read and write the shared memory and message queues of every process on the node. The baseline Pod Security Standard (Host Namespaces) forbids it.',
    remediation: 'Remove `hostIPC` from the pod spec (or set it to `false`).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: true\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: false\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const node = mapGet(w.podSpec, 'hostIPC');
      if (scalarValue(node) !== true) return;
      const file = w.object.file;
      const remove = removeField(w, w.podSpec, 'hostIPC');
      const set = replaceNode(file, node, 'false');
      ctx.report({
        at: nodeRange(file, pairOf(w.podSpec, 'hostIPC')) ?? w.range,
        messageId: 'shared',
        args: [objectLabel(w.object)],
        suggestions: [
          ...(remove ? [{ title: 'Remove hostIPC', edits: [remove] }] : []),
          ...(set ? [{ title: 'Set hostIPC: false', edits: [set] }] : []),
        ],
      });
    },
  },
});
