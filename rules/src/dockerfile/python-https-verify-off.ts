import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { badSettings } from '../model/dockerfile/env-settings';

const messages = {
  off: (setting: string) => `'${setting}' disables TLS certificate verification.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const a of badSettings(ctx.model, i, ['PYTHONHTTPSVERIFY'], (v) => v.trim() === '0')) ctx.report({ at: a.nameRange, messageId: 'off', args: [`${a.name}=${a.value ?? ''}`] });
}

export default defineRule({
  id: 'DF021',
  name: 'python-https-verify-off',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not disable Python HTTPS verification',
  fix: 'none',
  anchors: { checkov: ['CKV2_DOCKER_5'] },
  messages,
  docs: {
    summary: '`PYTHONHTTPSVERIFY=0` is set by ENV, ARG or in a RUN command.',
    rationale: 'Python\'s urllib and http.client then skip certificate checks (PEP 476 opt-out), so HTTPS connections can be intercepted.',
    remediation: 'Remove the setting; for a private CA set `SSL_CERT_FILE` or `REQUESTS_CA_BUNDLE`.',
    references: ['https://peps.python.org/pep-0476/', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: { bad: ['FROM alpine:3.20\nENV PYTHONHTTPSVERIFY=0\n', 'FROM alpine:3.20\nRUN export PYTHONHTTPSVERIFY=0 && ./fetch.sh\n'], good: ['FROM alpine:3.20\nENV SSL_CERT_FILE=/etc/ssl/certs/internal-ca.pem\n'] },
  },
  hooks: { onInstruction: { ENV: check, ARG: check, RUN: check } },
});
