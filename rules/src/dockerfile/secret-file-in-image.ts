import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { copyArgs } from '../model/dockerfile/copy-sources';

/** Base names of files that hold credentials (private keys, token files, env files). */
const SECRET_FILES = /^(id_(rsa|dsa|ecdsa|ed25519)|.*\.(key|p12|pfx|jks|keystore)|\.env(\..+)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.htpasswd|credentials(\.json)?|kubeconfig|\.dockercfg|secrets?\.(ya?ml|json))$/i;
const NOT_SECRET = /\.(pub|example|sample|template|dist)$/i;

const messages = {
  secret: (file: string) => `'${file}' looks like a credential file; it would be stored in an image layer.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const s of copyArgs(ctx.model, i).sources) {
    const base = s.value.replace(/\/+$/, '').split('/').pop() ?? '';
    const inCredDir = /(^|\/)\.(ssh|aws|docker|kube)(\/|$)/.test(s.value);
    if ((SECRET_FILES.test(base) || inCredDir) && !NOT_SECRET.test(base)) ctx.report({ at: s.range, messageId: 'secret', args: [s.value] });
  }
}

export default defineRule({
  id: 'DF079',
  name: 'secret-file-in-image',
  target: 'dockerfile',
  category: 'secrets',
  severity: 'error',
  title: 'Do not copy credential files into the image',
  fix: 'none',
  anchors: { trivy: ['AVD-DS-0031'], dockle: ['CIS-DI-0010', 'DKL-LI-0003'] },
  messages,
  docs: {
    summary: 'COPY or ADD copies a file that usually holds credentials: SSH private keys, `.env`, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, key stores, or anything from `.ssh`, `.aws`, `.docker`, `.kube`.',
    rationale: 'Every layer is readable by anyone who can pull the image, and deleting the file in a later layer does not remove it. Trivy only catches credential paths referenced by environment variables and Dockle only scans built images; this rule stops it at the source.',
    remediation: 'Mount the credential at build time with `RUN --mount=type=secret` (or `--mount=type=ssh` for keys), and add the file to .dockerignore.',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://cwe.mitre.org/data/definitions/538.html'],
    examples: { bad: ['FROM node:22\nCOPY .npmrc /app/\n', 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n'], good: ['FROM node:22\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n', 'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n'] },
  },
  hooks: { onInstruction: { COPY: check, ADD: check } },
});
