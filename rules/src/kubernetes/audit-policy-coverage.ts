import { defineRule } from '../engine/rule';
import { stringItems } from '../model/kubernetes/pod';
import { keyRange, mapGet, nodeRange, seqItems, stringValue } from '../model/yaml/documents';

/** Resources CIS 3.2.2 names, with their API group; `metadataOnly` ones must be logged at Metadata exactly. */
const KEY_RESOURCES: readonly { resource: string; group: string; metadataOnly: boolean }[] = [
  { resource: 'secrets', group: '', metadataOnly: true },
  { resource: 'configmaps', group: '', metadataOnly: true },
  { resource: 'tokenreviews', group: 'authentication.k8s.io', metadataOnly: true },
  { resource: 'pods', group: '', metadataOnly: false },
  { resource: 'deployments', group: 'apps', metadataOnly: false },
  { resource: 'pods/exec', group: '', metadataOnly: false },
  { resource: 'pods/portforward', group: '', metadataOnly: false },
  { resource: 'pods/proxy', group: '', metadataOnly: false },
  { resource: 'services/proxy', group: '', metadataOnly: false },
];

/** Fields that narrow a rule to some requests only; such a rule never decides for every request. */
const NARROWING = ['users', 'userGroups', 'verbs', 'namespaces', 'nonResourceURLs'];

/** True when a rule's `resources` selects every request to the resource (an empty list of names selects the whole group; `pods/*`, `*` match; entries narrowed by `resourceNames` do not count). */
function ruleSelects(rule: unknown, resource: string, group: string): boolean {
  const entries = seqItems(mapGet(rule, 'resources'));
  if (mapGet(rule, 'resources') === undefined) return true;
  const [parent, sub] = resource.split('/');
  return entries.some((e) => {
    if (mapGet(e, 'resourceNames') !== undefined) return false;
    const names = stringItems(mapGet(e, 'resources')).map((i) => i.value);
    if (names.length === 0) return (stringValue(mapGet(e, 'group')) ?? '') === group;
    return names.some((n) => n === resource || n === '*' || (sub !== undefined && (n === `${parent}/*` || n === `*/${sub}`)));
  });
}

const POLICY = (rules: string): string => `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n${rules}`;
const GOOD_RULES = '  - level: Metadata\n    resources:\n      - group: ""\n        resources: [secrets, configmaps]\n      - group: authentication.k8s.io\n        resources: [tokenreviews]\n  - level: RequestResponse\n    resources:\n      - group: ""\n        resources: [pods, pods/exec, pods/portforward, pods/proxy, services/proxy]\n      - group: apps\n        resources: [deployments]\n';

export default defineRule({
  id: 'K8S097',
  name: 'audit-policy-coverage',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'warning',
  title: 'Audit the key resources at the right level',
  fix: 'none',
  anchors: {
    kics: ['1828a670-5957-4bc5-9974-47da228f75e2'],
  },
  messages: {
    notLogged: (resource: string) => `The audit policy does not log requests to ${resource} (no rule covers them, so their level is None).`,
    levelNone: (resource: string) => `This rule sets level None for ${resource}: requests to them are not audited.`,
    bodiesLogged: (resource: string, level: string) => `This rule logs ${resource} at level ${level}, which writes their contents (secret values, tokens) to the audit log; use Metadata.`,
  },
  docs: {
    summary: 'An audit `Policy` (audit.k8s.io) logs Secrets, ConfigMaps or TokenReviews at a level other than Metadata, or does not log changes to pods and deployments and uses of `pods/exec`, `pods/portforward`, `pods/proxy` and `services/proxy`. The first rule that matches every request to a resource decides its level; rules narrowed to some users, groups, verbs or namespaces are skipped.',
    rationale: 'Request and RequestResponse levels copy request and response bodies into the audit log, so Secret values and tokens end up in a second, usually less protected store; level None (or no matching rule) hides who read them. Exec, port-forward and proxy calls are how an attacker reaches into pods and must leave a trace. This is the CIS Kubernetes Benchmark recommendation 3.2.2.',
    remediation: 'Add a rule with `level: Metadata` for secrets, configmaps and tokenreviews before any broader rule, and make sure pods, deployments and the exec/port-forward/proxy subresources are logged at Metadata or above.',
    references: ['https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#audit-policy', 'https://www.cisecurity.org/benchmark/kubernetes'],
    examples: {
      bad: [POLICY('  - level: RequestResponse\n')],
      good: [POLICY(GOOD_RULES)],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'Policy' || !o.apiVersion.startsWith('audit.k8s.io/')) return;
      const rulesNode = mapGet(o.node, 'rules');
      const rules = seqItems(rulesNode).filter((r) => !NARROWING.some((f) => mapGet(r, f) !== undefined));
      for (const key of KEY_RESOURCES) {
        const rule = rules.find((r) => ruleSelects(r, key.resource, key.group));
        const levelNode = mapGet(rule, 'level');
        const level = stringValue(levelNode) ?? 'None';
        const at = nodeRange(o.file, levelNode) ?? keyRange(o.file, o.node, 'rules') ?? o.headRange;
        if (rule === undefined) ctx.report({ at, messageId: 'notLogged', args: [key.resource] });
        else if (level === 'None') ctx.report({ at, messageId: 'levelNone', args: [key.resource] });
        else if (key.metadataOnly && level !== 'Metadata') ctx.report({ at, messageId: 'bodiesLogged', args: [key.resource, level] });
      }
    },
  },
});
