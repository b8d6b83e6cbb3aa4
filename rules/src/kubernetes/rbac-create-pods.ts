import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { createsPods, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S068',
  name: 'rbac-create-pods',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Roles should not create pods or workloads',
  fix: 'none',
  anchors: { trivy: ['AVD-KSV-0048'], kics: ['592ad21d-ad9b-46c6-8d2d-fad09d62a942'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} grants ${verbs} on pods or workload controllers.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants create on pods or on controllers that create pods (Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs).",
    rationale: "Whoever can create a pod can mount any Secret and run as any service account of the namespace, and (without Pod Security admission) start privileged pods that take over the node. Creating workloads is therefore one of the most powerful namespace rights. A rule with resourceNames grants no create (RBAC cannot restrict create by name), so it is not reported. This rule points at the role rule to change, whether or not the role is bound; K8S101 reports the bindings that hand the access to subjects.",
    remediation: "Limit pod and workload creation to deployment pipelines and controllers, and enforce Pod Security admission in the namespace.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [create]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [get, list]\n")],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        const access = createsPods(rule);
        if (access) ctx.report({ at: rule.verbsRange, messageId: 'grant', args: [objectLabel(o), access.verbs.join(', ')] });
      }
    },
  },
});
