import { defineRule } from '../engine/rule';
import { locate } from '../model/compose/services';
import { pulledImage } from '../model/compose/images';
import { isTrustedRegistry, registryOf } from '../model/registries';

export default defineRule({
  id: 'DC038',
  name: 'image-from-untrusted-registry',
  target: 'compose',
  category: 'supply-chain',
  severity: 'error',
  title: 'Pull service images only from trusted registries',
  fix: 'none',
  anchors: {},
  messages: {
    untrusted: (service: string, image: string, registry: string) => `Service '${service}' pulls '${image}' from ${registry}, which is not in the trusted registries.`,
  },
  docs: {
    summary: 'When trusted registries are configured, a service pulls its image from another registry (images without a registry host come from `docker.io`). Services with `build` are skipped: there `image` names the image being built.',
    rationale: 'Organisations mirror, scan and sign the images they allow into their own registries; an image from anywhere else skips that review and can change under the same tag. Does nothing until `trustedRegistries` is set (the same setting as the Dockerfile rule DF082; entries like `*.example.com` and `*` are allowed).',
    remediation: 'Mirror the image into a trusted registry and reference it there, or add its registry to `trustedRegistries`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#image'],
    examples: {
      bad: ['# with trustedRegistries: [registry.example.com]\nservices:\n  metrics:\n    image: quay.io/prometheus/prometheus:v2.54.1\n'],
      good: ['# with trustedRegistries: [registry.example.com]\nservices:\n  metrics:\n    image: registry.example.com/prometheus/prometheus:v2.54.1\n', 'services:\n  app:\n    build: .\n    image: example/app:1.0\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const trusted = ctx.policy.trustedRegistries;
      if (trusted.length === 0) return;
      const image = pulledImage(s);
      if (!image) return;
      const registry = registryOf(image.ref);
      if (isTrustedRegistry(registry, trusted)) return;
      ctx.report({ at: locate(ctx.model.file, image.field, image.field.value), messageId: 'untrusted', args: [s.name, image.raw, registry] });
    },
  },
});
