import { defineRule } from '../engine/rule';
import { mapGet, stringValue } from '../model/yaml/documents';
import { objectLabel, workloadOf, type Workload } from '../model/kubernetes/workloads';
import { fieldRange } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

function accountOf(w: Workload): string | undefined {
  const name = stringValue(mapGet(w.podSpec, 'serviceAccountName')) ?? stringValue(mapGet(w.podSpec, 'serviceAccount'));
  return name === undefined || name === '' || name === 'default' ? undefined : name;
}

export default defineRule({
  id: 'K8S077',
  name: 'shared-service-account',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'info',
  title: 'Give each workload its own service account',
  fix: 'none',
  defaultOff: true,
  anchors: { kics: ['c1032cf7-3628-44e2-bd53-38c17cf31b6b'] },
  messages: {
    shared: (workload: string, account: string, other: string) => `${workload} shares service account '${account}' with ${other}.`,
  },
  docs: {
    summary: 'Two workloads in the same file and namespace use the same (non-default) service account.',
    rationale: 'A shared account accumulates the permissions every user of it needs, so a compromise of the least important workload yields the rights of the most powerful one, and audit logs cannot tell them apart. (The default account is reported by default-service-account.) Off by default.',
    remediation: 'Create one ServiceAccount per workload with only the permissions that workload needs.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      bad: [`${containerYaml('', 'serviceAccountName: app\n')}---\n${containerYaml('', 'serviceAccountName: app\n').replace('name: p\n', 'name: q\n')}`],
      good: [`${containerYaml('', 'serviceAccountName: app\n')}---\n${containerYaml('', 'serviceAccountName: worker\n').replace('name: p\n', 'name: q\n')}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      const groups = new Map<string, Workload[]>();
      for (const o of ctx.objects) {
        const w = workloadOf(o);
        const account = w && accountOf(w);
        if (!w || account === undefined) continue;
        const key = `${o.namespace ?? 'default'}/${account}`;
        groups.set(key, [...(groups.get(key) ?? []), w]);
      }
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        for (const w of group) {
          const others = group.filter((x) => x !== w).map((x) => objectLabel(x.object)).join(', ');
          ctx.report({ at: fieldRange(w, w.podSpec, 'serviceAccountName') ?? fieldRange(w, w.podSpec, 'serviceAccount') ?? w.range, messageId: 'shared', args: [objectLabel(w.object), accountOf(w) ?? '', others] });
        }
      }
    },
  },
});
