import { defineRule } from '../engine/rule';
import { getIn, stringValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { annotationsOf, isCoreService, metadataKeyRange, nameRange } from '../model/kubernetes/objects';
import { objectYaml } from '../model/kubernetes/examples';

/** Annotations that make a cloud load balancer internal, with the value that does so. */
const INTERNAL: Readonly<Record<string, (v: string) => boolean>> = {
  'service.beta.kubernetes.io/aws-load-balancer-internal': (v) => v === 'true' || v === '0.0.0.0/0',
  'service.beta.kubernetes.io/aws-load-balancer-scheme': (v) => v === 'internal',
  'service.beta.kubernetes.io/azure-load-balancer-internal': (v) => v === 'true',
  'cloud.google.com/load-balancer-type': (v) => v.toLowerCase() === 'internal',
  'networking.gke.io/load-balancer-type': (v) => v.toLowerCase() === 'internal',
  'service.beta.kubernetes.io/openstack-internal-load-balancer': (v) => v === 'true',
  'service.beta.kubernetes.io/oci-load-balancer-internal': (v) => v === 'true',
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': (v) => v === 'private',
};

export default defineRule({
  id: 'K8S058',
  name: 'service-loadbalancer',
  target: 'kubernetes',
  category: 'network',
  severity: 'info',
  title: 'Review externally reachable LoadBalancer Services',
  fix: 'none',
  anchors: { kubeLinter: ['exposed-services'], kics: ['26763a1c-5dda-4772-b507-5fca7fb5f165'] },
  messages: {
    external: (service: string) => `${service} gets an external load balancer (no internal-load-balancer annotation).`,
  },
  docs: {
    summary: 'A Service has `type: LoadBalancer` without an annotation that makes the cloud load balancer internal.',
    rationale: 'A LoadBalancer Service usually gets a public IP address: the application becomes reachable from the Internet, often without the TLS termination, authentication and rate limiting an Ingress or API gateway would add. Internal load balancers (AWS, Azure, GCP, OpenStack, OCI, IBM annotations) are not reported. The finding is placed on the annotations (or the name), where the fix goes.',
    remediation: 'Add your cloud\'s internal load balancer annotation, or use a ClusterIP Service behind an Ingress; restrict `loadBalancerSourceRanges` when it must be public.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer'],
    examples: {
      bad: [objectYaml('v1', 'Service', 'spec:\n  type: LoadBalancer\n  ports: [{port: 443}]\n')],
      good: [objectYaml('v1', 'Service', 'spec:\n  type: LoadBalancer\n  ports: [{port: 443}]\n', 'name: x\nannotations:\n  service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isCoreService(o) || stringValue(getIn(o.node, ['spec', 'type'])) !== 'LoadBalancer') return;
      const annotations = annotationsOf(o);
      if (annotations.some((a) => a.value !== undefined && INTERNAL[a.key]?.(a.value) === true)) return;
      ctx.report({ at: annotations.length > 0 ? metadataKeyRange(o, 'annotations') : nameRange(o), messageId: 'external', args: [objectLabel(o)] });
    },
  },
});
