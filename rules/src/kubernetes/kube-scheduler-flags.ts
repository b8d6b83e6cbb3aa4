import { defineRule } from '../engine/rule';
import { flagMessages, flagRule as r, kicsByMessage, loopbackBindAddress, componentFlagHook, type FlagCheck } from '../model/kubernetes/component-flags';
import { objectYaml, staticPodYaml } from '../model/kubernetes/examples';
import { mapGet, nodeRange, scalarValue } from '../model/yaml/documents';

const PROFILING_KICS = '2f491173-6375-4a84-b28e-a4e2b9a58a69';

/**
 * One row per flag requirement (CIS Kubernetes Benchmark section 1.4). `--profiling` is judged only
 * when given: the scheduler usually reads it from its `--config` file (`enableProfiling`, checked below).
 */
const CHECKS: readonly FlagCheck[] = [
  r.bool('profiling', 'profiling', false, [PROFILING_KICS]),
  loopbackBindAddress(['46a2e9ec-6a5f-4faa-9d39-4ea44d5d87a2']),
];

/** Message id → KICS query ids (read by the KICS conformance test). */
export const KICS_MESSAGES: Record<string, readonly string[]> = { ...kicsByMessage(CHECKS), configProfiling: [PROFILING_KICS] };

const MESSAGES: Record<string, (subject: string, detail: string) => string> = {
  ...flagMessages(CHECKS),
  configProfiling: (kind: string, value: string) => `${kind} ${value === 'unset' ? 'does not set enableProfiling, which defaults to true' : `sets enableProfiling: ${value}`}; set enableProfiling: false.`,
};

export default defineRule({
  id: 'K8S085',
  name: 'kube-scheduler-flags',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Run kube-scheduler without profiling, bound to loopback',
  fix: 'none',
  anchors: {
    checkov: ['CKV_K8S_114'],
    kics: [PROFILING_KICS, '46a2e9ec-6a5f-4faa-9d39-4ea44d5d87a2'],
  },
  messages: MESSAGES,
  docs: {
    summary: 'A container that runs kube-scheduler sets `--profiling=true` or binds to a non-loopback address (`--bind-address` absent or not 127.0.0.1), or a `KubeSchedulerConfiguration` does not set `enableProfiling: false`.',
    rationale: 'The scheduler serves its profiling (pprof), health and metrics endpoints on its bind address; reachable from the network they leak internals and invite denial of service. These are the CIS Kubernetes Benchmark checks of section 1.4.',
    remediation: 'Set `--bind-address=127.0.0.1` and `--profiling=false` in the kube-scheduler static pod manifest, or `enableProfiling: false` in its KubeSchedulerConfiguration.',
    references: ['https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/', 'https://kubernetes.io/docs/reference/config-api/kube-scheduler-config.v1/'],
    examples: {
      bad: [staticPodYaml('registry.k8s.io/kube-scheduler:v1.31.0', ['kube-scheduler', '--profiling=true', '--bind-address=127.0.0.1']), 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nenableProfiling: true\n'],
      good: [staticPodYaml('registry.k8s.io/kube-scheduler:v1.31.0', ['kube-scheduler', '--profiling=false', '--bind-address=127.0.0.1']), 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nenableProfiling: false\n', objectYaml('v1', 'ConfigMap', 'data:\n  a: b\n')],
    },
  },
  hooks: {
    onContainer: componentFlagHook('kube-scheduler', CHECKS),
    onObject(o, ctx) {
      if (o.kind !== 'KubeSchedulerConfiguration' || !o.apiVersion.startsWith('kubescheduler.config.k8s.io/')) return;
      const node = mapGet(o.node, 'enableProfiling');
      const value = scalarValue(node);
      if (value === false) return;
      ctx.report({ at: nodeRange(o.file, node) ?? o.headRange, messageId: 'configProfiling', args: ['KubeSchedulerConfiguration', value === undefined || value === null ? 'unset' : String(value)] });
    },
  },
});
