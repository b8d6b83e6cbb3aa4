import { lazySuggestion, defineRule } from '../engine/rule';
import { getIn, nodeRange, scalarValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { objectLabel } from '../model/kubernetes/workloads';
import { securityContextsOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S029',
  name: 'windows-host-process',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Do not run Windows HostProcess containers',
  fix: 'suggestion',
  anchors: { pss: ['baseline:windowsHostProcess'], trivy: ['AVD-KSV-0103'], polaris: ['hostProcess'] },
  messages: {
    hostProcess: (where: string) => `${where} sets windowsOptions.hostProcess: true.`,
  },
  docs: {
    summary: 'The pod or a container sets `securityContext.windowsOptions.hostProcess: true`.',
    rationale: 'A Windows HostProcess container runs directly on the node as a host process, with access to the host network, file system and (as SYSTEM) full administrative rights: the Windows equivalent of a privileged container. The baseline Pod Security Standard forbids it.',
    remediation: 'Remove `windowsOptions.hostProcess` (or set it to `false`).',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/'],
    examples: {
      bad: [containerYaml('securityContext:\n  windowsOptions:\n    hostProcess: true\n')],
      good: [containerYaml('securityContext:\n  windowsOptions:\n    runAsUserName: ContainerUser\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const file = w.object.file;
      for (const sc of securityContextsOf(w)) {
        const node = getIn(sc.node, ['windowsOptions', 'hostProcess']);
        if (scalarValue(node) !== true) continue;
        const where = sc.container ? `Container '${sc.container.name ?? '(unnamed)'}'` : objectLabel(w.object);
        ctx.report({ at: nodeRange(file, node) ?? w.range, messageId: 'hostProcess', args: [where], fixes: lazySuggestion('Set hostProcess: false', () => replaceNode(file, node, 'false')) });
      }
    },
  },
});
