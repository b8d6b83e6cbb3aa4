import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF083',
  name: 'non-numeric-user',
  target: 'dockerfile',
  category: 'privilege',
  severity: 'info',
  title: 'Use a numeric UID in USER',
  fix: 'none',
  anchors: { hadolint: ['DL3066'] },
  messages: {
    name: (user: string) => `USER ${user} is a name; Kubernetes runAsNonRoot cannot verify that it is not root.`,
  },
  docs: {
    summary: 'USER names the user (or group) instead of giving a numeric UID[:GID].',
    rationale: 'A runtime only sees the name at start-up and cannot check it against policies such as Kubernetes `runAsNonRoot`, which then refuses to start the pod or must trust the image. A numeric UID is unambiguous and works even without an /etc/passwd entry.',
    remediation: 'Use the numeric UID (and GID), e.g. `USER 10001:10001`.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/', 'https://docs.docker.com/reference/dockerfile/#user'],
    examples: { bad: ['FROM node:22\nUSER node\n'], good: ['FROM node:22\nUSER 1000:1000\n'] },
  },
  hooks: {
    onInstruction: {
      USER(i, ctx) {
        const w = i.args[0];
        if (!w || w.value.includes('$')) return;
        if (w.value.split(':').some((part) => !/^\d+$/.test(part))) ctx.report({ at: w.range, messageId: 'name', args: [w.value] });
      },
    },
  },
});
