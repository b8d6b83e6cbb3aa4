import { defineRule } from '../engine/rule';
import { getIn, nodeRange, stringValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { isCoreService, nameRange } from '../model/kubernetes/objects';
import { containerYaml, objectYaml } from '../model/kubernetes/examples';

function isTillerImage(image: string | undefined): boolean {
  const last = (image ?? '').split('/').pop() ?? '';
  return /^tiller([-_.:@]|$)/.test(last);
}

export default defineRule({
  id: 'K8S078',
  name: 'tiller-deployed',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Do not deploy Helm v2 Tiller',
  fix: 'none',
  anchors: {
    checkov: ['CKV_K8S_34', 'CKV_K8S_44', 'CKV_K8S_45'],
    trivy: ['AVD-KSV-0102'],
    kics: ['6d173be7-545a-46c6-a81d-2ae52ed1605d', '8b862ca9-0fbd-4959-ad72-b6609bdaa22d'],
  },
  messages: {
    image: (container: string, image: string) => `${container} runs Tiller (${image}), the Helm v2 server.`,
    service: (service: string) => `${service} exposes Tiller.`,
  },
  docs: {
    summary: 'A container runs a Tiller image (`…/tiller:…`, `tiller-…`), or a Service selects Tiller pods (`app: helm`, `name: tiller`).',
    rationale: 'Tiller, the in-cluster server of Helm v2 (end of life since 2020), usually runs with cluster-admin rights and, by default, accepts unauthenticated gRPC requests from any pod on port 44134: any compromised pod can install arbitrary charts with full privileges.',
    remediation: 'Remove Tiller and migrate to Helm 3, which has no in-cluster component.',
    references: ['https://helm.sh/docs/topics/v2_v3_migration/'],
    examples: {
      bad: [containerYaml().replace('nginx:1.27.2', 'gcr.io/kubernetes-helm/tiller:v2.16.12')],
      good: [containerYaml(), objectYaml('v1', 'Service', 'spec:\n  selector: {app: web}\n  ports: [{port: 80}]\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (!isTillerImage(c.image)) return;
      ctx.report({ at: nodeRange(c.workload.object.file, c.imageNode) ?? c.range, messageId: 'image', args: [`Container '${c.name ?? '(unnamed)'}'`, c.image ?? ''] });
    },
    onObject(o, ctx) {
      if (!isCoreService(o)) return;
      const sel = getIn(o.node, ['spec', 'selector']);
      if (stringValue(getIn(sel, ['app'])) === 'helm' && stringValue(getIn(sel, ['name'])) === 'tiller') ctx.report({ at: nameRange(o), messageId: 'service', args: [objectLabel(o)] });
    },
  },
});
