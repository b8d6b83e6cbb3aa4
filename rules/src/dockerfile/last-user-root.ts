import { defineRule } from '../engine/rule';
import { finalStage } from '../model/dockerfile/parse';
import { effectiveUser, isRootUser } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF002',
  name: 'last-user-root',
  target: 'dockerfile',
  category: 'privilege',
  severity: 'warning',
  title: 'Do not leave the final image running as root',
  fix: 'none',
  anchors: {
    hadolint: ['DL3002'],
    checkov: ['CKV_DOCKER_8'],
    trivy: ['AVD-DS-0002'],
    kics: ['67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae'],
    dockle: ['CIS-DI-0001'],
  },
  messages: {
    root: (user: string) => `The final image runs as '${user}': the last USER in effect for the final stage is root.`,
  },
  docs: {
    summary: 'The USER in effect at the end of the final stage (possibly inherited from the stage it is built FROM) is root or UID 0.',
    rationale: 'A process running as root inside the container is root on the host kernel: any escape or misconfigured mount is a full compromise. Only the final stage matters, because earlier stages are discarded; this is why a `USER root` in a build stage is not reported, unlike hadolint DL3002, which also reports root users of intermediate stages.',
    remediation: 'End the final stage with `USER <non-root uid>` (create the user first if the base image lacks one), after any step that needs root.',
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://cwe.mitre.org/data/definitions/250.html'],
    examples: {
      bad: ['FROM alpine:3.20\nUSER root\n', 'FROM alpine:3.20 AS base\nUSER 0\nFROM base\nRUN id\n'],
      good: ['FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 10001\n', 'FROM golang:1.23 AS build\nUSER root\nFROM gcr.io/distroless/static:nonroot\nUSER 65532\n'],
    },
  },
  hooks: {
    onEnd(ctx) {
      const stage = finalStage(ctx.model);
      const user = stage ? effectiveUser(stage) : undefined;
      const word = user?.args[0];
      if (!user || !word || word.value.includes('$')) return;
      if (isRootUser(word.value)) ctx.report({ at: word.range, messageId: 'root', args: [word.value] });
    },
  },
});
