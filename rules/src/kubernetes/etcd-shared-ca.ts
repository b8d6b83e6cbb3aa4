import { defineRule } from '../engine/rule';
import { invocationOf, type Invocation } from '../model/kubernetes/component-flags';
import { staticPodYaml } from '../model/kubernetes/examples';
import { workloadOf } from '../model/kubernetes/workloads';
import { nodeRange } from '../model/yaml/documents';

const APISERVER = ['kube-apiserver', '--client-ca-file=/etc/kubernetes/pki/ca.crt'];

export default defineRule({
  id: 'K8S089',
  name: 'etcd-shared-ca',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Give etcd its own certificate authority',
  fix: 'none',
  anchors: {
    kics: ['cb7e695d-6a85-495c-b15f-23aed2519303'],
  },
  messages: {
    sharedCa: (file: string) => `etcd trusts client certificates from ${file}, the CA kube-apiserver also uses for its clients (--client-ca-file): every cluster client certificate can authenticate to etcd.`,
  },
  docs: {
    summary: "An etcd container's `--trusted-ca-file` is the same file as a kube-apiserver container's `--client-ca-file` in the same manifest file.",
    rationale: 'etcd accepts any client whose certificate its trusted CA signed. If that is the cluster CA, every user, node and component certificate the cluster issues can read and write etcd directly, bypassing the API server\'s authorization and audit. CIS Kubernetes Benchmark 2.7 asks for a dedicated etcd CA.',
    remediation: 'Create a separate CA for etcd, issue the etcd server, peer and API server client certificates from it, and point `--trusted-ca-file` at it.',
    references: ['https://etcd.io/docs/latest/op-guide/security/', 'https://kubernetes.io/docs/setup/best-practices/certificates/'],
    examples: {
      bad: [`${staticPodYaml('registry.k8s.io/etcd:3.5.15-0', ['etcd', '--trusted-ca-file=/etc/kubernetes/pki/ca.crt'])}---\n${staticPodYaml('registry.k8s.io/kube-apiserver:v1.31.0', APISERVER)}`],
      good: [`${staticPodYaml('registry.k8s.io/etcd:3.5.15-0', ['etcd', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'])}---\n${staticPodYaml('registry.k8s.io/kube-apiserver:v1.31.0', APISERVER)}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      if (!ctx.text.includes('trusted-ca-file') || !ctx.text.includes('client-ca-file')) return;
      const invocations: Invocation[] = [];
      for (const o of ctx.objects) for (const c of workloadOf(o)?.containers ?? []) {
        const inv = invocationOf(c);
        if (inv) invocations.push(inv);
      }
      const clientCas = new Set(invocations.filter((i) => i.component === 'kube-apiserver').map((i) => i.flags.get('client-ca-file')?.value));
      for (const inv of invocations) {
        const trusted = inv.component === 'etcd' ? inv.flags.get('trusted-ca-file') : undefined;
        if (!trusted || trusted.value === '' || !clientCas.has(trusted.value)) continue;
        ctx.report({ at: nodeRange(inv.container.workload.object.file, trusted.node) ?? inv.anchor, messageId: 'sharedCa', args: [trusted.value] });
      }
    },
  },
});
