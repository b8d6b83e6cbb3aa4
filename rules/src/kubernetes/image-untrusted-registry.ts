import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { parseImageRef } from '../model/dockerfile/image-ref';
import { isTrustedRegistry, registryOf } from '../model/registries';

export default defineRule({
  id: 'K8S099',
  name: 'image-untrusted-registry',
  target: 'kubernetes',
  category: 'supply-chain',
  severity: 'error',
  title: 'Pull container images only from trusted registries',
  fix: 'none',
  anchors: {
    trivy: ['AVD-KSV-0125'],
  },
  messages: {
    untrusted: (container: string, image: string, registry: string) => `${container} pulls '${image}' from ${registry}, which is not in the trusted registries.`,
  },
  docs: {
    summary: 'When trusted registries are configured, a container, init container or ephemeral container pulls its image from another registry (images without a registry host come from `docker.io`).',
    rationale: 'Organisations mirror, scan and sign the images they allow into their own registries; an image from anywhere else skips that review and can change under the same tag. An admission policy can enforce the same list in the cluster; the linter catches it before the manifest is applied. Does nothing until `trustedRegistries` is set (the same setting as the Dockerfile rule DF082; entries like `*.example.com` and `*` are allowed).',
    remediation: 'Mirror the image into a trusted registry and reference it there, or add its registry to `trustedRegistries`.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    examples: {
      bad: ['# with trustedRegistries: [registry.example.com]\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: quay.io/prometheus/prometheus:v2.54.1\n'],
      good: ['# with trustedRegistries: [registry.example.com]\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/prometheus/prometheus:v2.54.1\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const trusted = ctx.policy.trustedRegistries;
      if (trusted.length === 0 || c.image === undefined || c.image.includes('$')) return;
      const ref = parseImageRef(c.image);
      if (!ref) return;
      const registry = registryOf(ref);
      if (isTrustedRegistry(registry, trusted)) return;
      ctx.report({ at: nodeRange(c.workload.object.file, c.imageNode) ?? c.range, messageId: 'untrusted', args: [containerLabel(c), ref.raw, registry] });
    },
  },
});
