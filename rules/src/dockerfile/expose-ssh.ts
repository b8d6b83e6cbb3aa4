import type { TextEdit } from 'vscode-languageserver-types';
import { defineRule } from '../engine/rule';
import type { DockerfileModel, Instruction, Word } from '../model/dockerfile/parse';

/** True when an EXPOSE word (`22`, `22/tcp`, `20-25`) covers port 22. */
function coversSsh(value: string): boolean {
  const port = value.split('/')[0]!;
  const m = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= 22 && 22 <= hi;
}

function removal(model: DockerfileModel, i: Instruction, w: Word): TextEdit {
  if (i.args.length === 1) {
    const start = model.lines.offsetAt(i.range.start);
    let end = model.lines.offsetAt(i.range.end);
    if (model.text[end] === '\r') end++;
    if (model.text[end] === '\n') end++;
    return { range: model.lines.range(start, end), newText: '' };
  }
  const idx = i.args.indexOf(w);
  const prev = i.args[idx - 1];
  const next = i.args[idx + 1];
  // Remove the word and the gap before it (or after it, for the first word).
  return prev ? { range: { start: prev.range.end, end: w.range.end }, newText: '' } : { range: { start: w.range.start, end: next!.range.start }, newText: '' };
}

export default defineRule({
  id: 'DF012',
  name: 'expose-ssh',
  target: 'dockerfile',
  category: 'network',
  severity: 'warning',
  title: 'Do not expose the SSH port',
  fix: 'suggestion',
  anchors: {
    checkov: ['CKV_DOCKER_1'],
    trivy: ['AVD-DS-0004'],
    kics: ['5907595b-5b6d-4142-b173-dbb0e73fbff8'],
  },
  messages: {
    ssh: (port: string) => `EXPOSE ${port} publishes the SSH port.`,
  },
  docs: {
    summary: 'EXPOSE lists port 22 (SSH), alone, with a protocol or inside a range.',
    rationale: 'An SSH daemon in a container is a second, long-lived way in with its own credentials and keys to manage, and it defeats the immutable-container model. Use `docker exec`/`kubectl exec` for debugging instead.',
    remediation: 'Remove port 22 from EXPOSE and do not run sshd in the container.',
    references: ['https://docs.docker.com/reference/dockerfile/#expose', 'https://cwe.mitre.org/data/definitions/284.html'],
    examples: { bad: ['FROM alpine:3.20\nEXPOSE 80 22\n'], good: ['FROM alpine:3.20\nEXPOSE 80 443\n'] },
  },
  hooks: {
    onInstruction: {
      EXPOSE(i, ctx) {
        for (const w of i.args) {
          if (!coversSsh(w.value)) continue;
          const fixable = /^22(\/tcp)?$/i.test(w.value);
          ctx.report({ at: w.range, messageId: 'ssh', args: [w.value], ...(fixable ? { suggestions: [{ title: 'Remove port 22 from EXPOSE', edits: [removal(ctx.model, i, w)] }] } : {}) });
        }
      },
    },
  },
});
