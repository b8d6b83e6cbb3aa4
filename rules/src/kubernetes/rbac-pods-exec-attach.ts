import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const GROUP = '';
const RESOURCES = ['pods/exec', 'pods/attach'];
const VERBS = ['create', 'get'];

export default defineRule({
  id: 'K8S067',
  name: 'rbac-pods-exec-attach',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Roles should not allow exec or attach into pods',
  fix: 'none',
  anchors: { checkov: ['CKV2_K8S_2'], trivy: ['AVD-KSV-0053', 'AVD-KSV-0054'], polaris: ['clusterrolePodExecAttach', 'rolePodExecAttach'], kics: ['c589f42c-7924-4871-aee2-1cede9bc7cbc', 'd45330fd-f58d-45fb-a682-6481477a0f84'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} grants ${verbs} on pods/exec or pods/attach.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants create (or get) on `pods/exec` or `pods/attach`.",
    rationale: "exec and attach give a shell or stdin in running containers: the subject can read every Secret and token those pods mount and act with their identities. It is an interactive debugging right that should not be part of an application's or a CI account's role.",
    remediation: "Remove pods/exec and pods/attach from the rule; grant them temporarily to people who debug, not to service accounts.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [pods/exec]\n  verbs: [create]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [pods, pods/log]\n  verbs: [get]\n")],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        const verbs = grants(rule, GROUP, RESOURCES, VERBS);
        if (verbs.length > 0) ctx.report({ at: rule.resourcesRange, messageId: 'grant', args: [objectLabel(o), verbs.join(', ')] });
      }
    },
  },
});
