import type { TextEdit } from 'vscode-languageserver-types';
import { defineRule } from '../engine/rule';
import { finalStage, type DockerfileModel, type Stage } from '../model/dockerfile/parse';
import { effectiveUser } from '../model/dockerfile/stages';

/** Images built to run as a non-root user by default; a missing USER is not a finding there. */
const NONROOT_BASE = /(^|\/)distroless\/.*:(.*-)?nonroot$|^chainguard\//;

function insertUser(model: DockerfileModel, stage: Stage): TextEdit {
  const before = stage.instructions.find((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.onbuild);
  if (before) {
    const p = { line: before.range.start.line, character: 0 };
    return { range: { start: p, end: p }, newText: 'USER 10001\n' };
  }
  const last = stage.instructions[stage.instructions.length - 1]!;
  const end = model.lines.offsetAt(last.range.end);
  return { range: model.lines.range(end, end), newText: '\nUSER 10001' };
}

export default defineRule({
  id: 'DF003',
  name: 'user-missing',
  target: 'dockerfile',
  category: 'privilege',
  severity: 'warning',
  title: 'Set a non-root USER for the final image',
  fix: 'suggestion',
  anchors: {
    checkov: ['CKV_DOCKER_3'],
    trivy: ['AVD-DS-0002'],
    kics: ['fd54f200-402c-4333-a5a4-36ef6709af2f'],
    dockle: ['CIS-DI-0001'],
  },
  messages: {
    missing: (image: string) => `No USER is set for the final stage (FROM ${image}), so the container runs as the base image's default user, usually root.`,
  },
  docs: {
    summary: 'Neither the final stage nor the stages it is built FROM contain a USER instruction.',
    rationale: 'Without USER the container inherits the base image\'s user, which for almost every general-purpose image is root. Distroless `:nonroot` and Chainguard images already default to a non-root user and are not reported. `FROM scratch` images are reported (KICS exempts them): a static binary in scratch still runs as UID 0.',
    remediation: 'Add `USER <non-root uid>` to the final stage, after the steps that need root; a numeric UID lets Kubernetes verify `runAsNonRoot`.',
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://cwe.mitre.org/data/definitions/250.html'],
    examples: {
      bad: ['FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\n'],
      good: ['FROM node:22-alpine\nCOPY . /app\nUSER 1000\nCMD ["node", "/app/index.js"]\n', 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n'],
    },
  },
  hooks: {
    onEnd(ctx) {
      const stage = finalStage(ctx.model);
      if (!stage || effectiveUser(stage)) return;
      let root: Stage = stage;
      while (root.fromStage && root.fromStage.index !== root.index) root = root.fromStage;
      const img = root.imageText.toLowerCase();
      if (NONROOT_BASE.test(img) || root.unresolved) return;
      ctx.report({
        at: stage.from.keywordRange,
        messageId: 'missing',
        args: [stage.imageText],
        suggestions: [{ title: 'Add USER 10001 (make sure the image works as that UID)', edits: [insertUser(ctx.model, stage)] }],
      });
    },
  },
});
