import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { badSettings } from '../model/dockerfile/env-settings';

const messages = {
  off: (setting: string) => `'${setting}' disables TLS certificate verification.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const a of badSettings(ctx.model, i, ['NODE_TLS_REJECT_UNAUTHORIZED'], (v) => v.trim() === '0')) ctx.report({ at: a.nameRange, messageId: 'off', args: [`${a.name}=${a.value ?? ''}`] });
}

export default defineRule({
  id: 'DF019',
  name: 'node-tls-reject-off',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not disable Node.js TLS verification',
  fix: 'none',
  anchors: { checkov: ['CKV2_DOCKER_6'] },
  messages,
  docs: {
    summary: '`NODE_TLS_REJECT_UNAUTHORIZED=0` is set by ENV, ARG or in a RUN command.',
    rationale: 'Node.js then accepts any TLS certificate for HTTPS requests (npm, fetch, https), so dependencies and API calls can be intercepted.',
    remediation: 'Remove the setting; for a private CA use `NODE_EXTRA_CA_CERTS=/path/ca.pem`.',
    references: ['https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: { bad: ['FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', 'FROM alpine:3.20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && ./fetch.sh\n'], good: ['FROM alpine:3.20\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/internal-ca.pem\n'] },
  },
  hooks: { onInstruction: { ENV: check, ARG: check, RUN: check } },
});
