import { defineRule } from '../engine/rule';
import { isUntagged } from '../model/dockerfile/image-ref';
import type { Range } from 'vscode-languageserver-types';
import type { Stage } from '../model/dockerfile/parse';

function tagRange(s: Stage): Range | undefined {
  const r = s.imageRange;
  const img = s.image;
  if (!r || !img || img.tagOffset === undefined || s.imageText !== s.from.args[0]?.value) return r;
  return { start: { line: r.start.line, character: r.start.character + img.tagOffset - 1 }, end: { line: r.start.line, character: r.start.character + img.tagOffset + (img.tag ?? '').length } };
}

export default defineRule({
  id: 'DF001',
  name: 'latest-tag',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin base images to a version tag or digest, not latest',
  fix: 'none',
  anchors: {
    hadolint: ['DL3006', 'DL3007'],
    checkov: ['CKV_DOCKER_7'],
    trivy: ['AVD-DS-0001'],
    kics: ['f45ea400-6bbe-4501-9fc7-1c3d75c32067', '9efb0b2d-89c9-41a3-91ca-dcc0aec911fd'],
    dockle: ['DKL-DI-0006'],
  },
  messages: {
    latest: (image: string) => `Base image '${image}' uses the mutable 'latest' tag.`,
    untagged: (image: string) => `Base image '${image}' has no tag or digest, so 'latest' is implied.`,
  },
  docs: {
    summary: 'A FROM line uses `:latest` or no tag at all, so every build may pull a different base image.',
    rationale: 'The latest tag moves whenever the publisher pushes. Builds stop being reproducible, a compromised or broken upstream push flows straight into your image, and a scan of yesterday\'s image says nothing about today\'s.',
    remediation: 'Pin the base image to a specific version tag, and for the strongest guarantee also to its digest (`image:1.2.3@sha256:…`).',
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://cwe.mitre.org/data/definitions/1357.html'],
    examples: { bad: ['FROM node:latest\n', 'FROM ubuntu\n'], good: ['FROM node:22.11-bookworm-slim\n', 'FROM alpine:3.20@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const img = s.image;
      if (!img || img.digest !== undefined) return;
      const at = s.imageRange ?? s.from.range;
      if (img.tag === 'latest') ctx.report({ at: tagRange(s) ?? at, messageId: 'latest', args: [s.imageText] });
      else if (isUntagged(img)) ctx.report({ at, messageId: 'untagged', args: [s.imageText] });
    },
  },
});
