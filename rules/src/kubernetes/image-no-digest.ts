import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { parseImageRef } from '../model/dockerfile/image-ref';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S041',
  name: 'image-no-digest',
  target: 'kubernetes',
  category: 'supply-chain',
  severity: 'info',
  title: 'Pin container images by digest',
  fix: 'none',
  defaultOff: true,
  anchors: { checkov: ['CKV_K8S_43'], kics: ['7c81d34c-8e5a-402b-9798-9f442630e678'] },
  messages: {
    noDigest: (container: string, image: string) => `${container} uses image '${image}' without a @sha256 digest.`,
  },
  docs: {
    summary: 'A container image is not pinned with `@sha256:…`.',
    rationale: 'Even version tags can be moved to a different image. A digest guarantees the exact bytes that were reviewed and scanned are the ones that run. Resolving digests needs a registry lookup and tooling to keep them fresh, so this rule is off by default.',
    remediation: 'Reference the image by digest (`nginx:1.27.2@sha256:…`), for example with a tool that resolves and updates digests.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml().replace('nginx:1.27.2', 'nginx:1.27.2@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (c.image === undefined || c.image.includes('$')) return;
      const ref = parseImageRef(c.image);
      if (!ref || ref.digest !== undefined) return;
      ctx.report({ at: nodeRange(c.workload.object.file, c.imageNode) ?? c.range, messageId: 'noDigest', args: [containerLabel(c), c.image] });
    },
  },
});
