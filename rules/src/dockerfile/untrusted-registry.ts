import { defineRule } from '../engine/rule';
import { parseImageRef } from '../model/dockerfile/image-ref';
import { fromFlag, stageByRef } from '../model/dockerfile/stages';

/** Registry of an image reference; Docker Hub images (with or without `docker.io/`) are `docker.io`. */
function registryOf(ref: string): string {
  const r = parseImageRef(ref)?.registry;
  return r === undefined || r === 'index.docker.io' || r === 'registry-1.docker.io' ? 'docker.io' : r;
}

function allowed(registry: string, trusted: readonly string[]): boolean {
  return trusted.some((t) => t === '*' || t === registry || (t.startsWith('*.') && registry.endsWith(t.slice(1))));
}

export default defineRule({
  id: 'DF082',
  name: 'untrusted-registry',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'error',
  title: 'Pull images only from trusted registries',
  fix: 'none',
  anchors: { hadolint: ['DL3026'] },
  messages: {
    untrusted: (image: string, registry: string) => `'${image}' comes from ${registry}, which is not in the trusted registries.`,
  },
  docs: {
    summary: 'When trusted registries are configured, FROM, `COPY --from` and `RUN --mount=…,from=` name an image from another registry (Docker Hub counts as `docker.io`).',
    rationale: 'Organisations mirror and scan approved images in their own registries; an image pulled from elsewhere bypasses that review. Does nothing until `trustedRegistries` is set (patterns like `*.example.com` and `*` are allowed).',
    remediation: 'Use the image from a trusted registry (mirror it first), or add its registry to `trustedRegistries`.',
    references: ['https://docs.docker.com/docker-hub/image-access-management/'],
    examples: { bad: ['# configured with trustedRegistries: [docker.io]\nFROM quay.io/prometheus/prometheus:v2.54.1\n'], good: ['FROM alpine:3.20\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const trusted = ctx.policy.trustedRegistries;
      if (trusted.length === 0 || !s.image) return;
      const reg = registryOf(s.imageText);
      if (!allowed(reg, trusted)) ctx.report({ at: s.imageRange ?? s.from.range, messageId: 'untrusted', args: [s.imageText, reg] });
    },
    onInstruction: {
      COPY(i, ctx) {
        const f = fromFlag(i);
        const trusted = ctx.policy.trustedRegistries;
        if (trusted.length === 0 || !f?.value || f.value.includes('$') || stageByRef(ctx.model, f.value, Math.max(0, i.stageIndex) + 1)) return;
        if (/^\d+$/.test(f.value) || !/[:/@]/.test(f.value)) return;
        const reg = registryOf(f.value);
        if (!allowed(reg, trusted)) ctx.report({ at: f.valueRange ?? f.range, messageId: 'untrusted', args: [f.value, reg] });
      },
      RUN(i, ctx) {
        const trusted = ctx.policy.trustedRegistries;
        if (trusted.length === 0) return;
        for (const f of i.flags) {
          if (f.name !== 'mount' || !f.value) continue;
          const from = f.value.split(',').find((p) => p.startsWith('from='))?.slice(5);
          if (!from || from.includes('$') || stageByRef(ctx.model, from, Math.max(0, i.stageIndex) + 1)) continue;
          const reg = registryOf(from);
          if (!allowed(reg, trusted)) ctx.report({ at: f.valueRange ?? f.range, messageId: 'untrusted', args: [from, reg] });
        }
      },
    },
  },
});
