import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { parseImageRef } from '../model/dockerfile/image-ref';

export default defineRule({
  id: 'K8S015',
  name: 'image-tag-latest',
  target: 'kubernetes',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin container images to a version tag or digest',
  fix: 'none',
  anchors: {
    kubeLinter: ['latest-tag'],
    checkov: ['CKV_K8S_14'],
    trivy: ['AVD-KSV-0013'],
    polaris: ['tagNotSpecified'],
    kics: ['583053b7-e632-46f0-b989-f81ff8045385'],
  },
  messages: {
    latest: (container: string, image: string) => `${container} uses image '${image}' with the mutable tag 'latest'.`,
    untagged: (container: string, image: string) => `${container} uses image '${image}' without a tag or digest, so 'latest' is implied.`,
  },
  docs: {
    summary: 'A container image has no tag, or the tag `latest`, and no digest.',
    rationale: 'A mutable tag can point to a different image on every pull: rollouts stop being reproducible, a rollback may not roll back, and a compromised registry push reaches the cluster silently. A digest (`@sha256:…`) pins the exact image and passes even without a tag (Polaris only passes it by accident of its pattern).',
    remediation: 'Use a specific version tag (`nginx:1.27.2`) or, better, a digest (`nginx@sha256:…`).',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (c.image === undefined || c.image.includes('$')) return;
      const ref = parseImageRef(c.image);
      if (!ref || ref.digest !== undefined) return;
      const at = nodeRange(c.workload.object.file, c.imageNode) ?? c.range;
      if (ref.tag === undefined) ctx.report({ at, messageId: 'untagged', args: [containerLabel(c), c.image] });
      else if (ref.tag === 'latest') ctx.report({ at, messageId: 'latest', args: [containerLabel(c), c.image] });
    },
  },
});
