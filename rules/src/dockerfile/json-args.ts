import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';

const messages = {
  shellForm: (kw: string) => `${kw} in shell form runs under /bin/sh -c, so the process does not receive stop signals.`,
};

/** Words that mean the same in exec form (no expansion, quoting or shell operators). */
function plainWords(i: Instruction): string[] | undefined {
  const words = i.args.map((a) => a.value);
  if (i.keyword === 'HEALTHCHECK') words.shift();
  return words.length > 0 && words.every((w) => /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) ? words : undefined;
}

/** HEALTHCHECK CMD [...]: dockerfile-ast does not split out the JSON after CMD, so parse it here. */
function healthcheckJson(i: Instruction): boolean {
  const t = i.argsText.trim().replace(/^CMD\s+/i, '');
  try { return Array.isArray(JSON.parse(t)); } catch { return false; }
}

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  if (i.json || i.args.length === 0 || !i.argsRange) return;
  if (i.keyword === 'HEALTHCHECK' && (i.args[0]?.value.toUpperCase() !== 'CMD' || healthcheckJson(i))) return;
  const words = plainWords(i);
  const first = i.keyword === 'HEALTHCHECK' ? i.args[1] : i.args[0];
  const last = i.args[i.args.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : i.argsRange;
  ctx.report({
    at: range,
    messageId: 'shellForm',
    args: [i.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : i.keyword],
    ...(words ? { suggestions: [{ title: 'Rewrite in exec (JSON) form', edits: [{ range, newText: JSON.stringify(words).replace(/","/g, '", "') }] }] } : {}),
  });
}

export default defineRule({
  id: 'DF031',
  name: 'json-args',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Use exec (JSON) form for CMD and ENTRYPOINT',
  fix: 'suggestion',
  anchors: { hadolint: ['DL3025'], kics: ['b86987e1-6397-4619-81d5-8807f2387c79'], buildkit: ['JSONArgsRecommended'] },
  messages,
  docs: {
    summary: 'CMD, ENTRYPOINT or HEALTHCHECK CMD is written in shell form.',
    rationale: 'Shell form wraps the command in `/bin/sh -c`, so PID 1 is the shell: SIGTERM is not forwarded, `docker stop` waits for the timeout and kills the process without a clean shutdown. ENTRYPOINT in shell form also ignores CMD arguments. The rewrite is offered as a suggestion: it also turns off variable expansion.',
    remediation: 'Write the command as a JSON array, e.g. `CMD ["node", "server.js"]`; use `exec` inside scripts that must stay shell.',
    references: ['https://docs.docker.com/reference/dockerfile/#shell-and-exec-form', 'https://docs.docker.com/reference/build-checks/json-args-recommended/'],
    examples: { bad: ['FROM node:22\nCMD node server.js\n'], good: ['FROM node:22\nCMD ["node", "server.js"]\n'] },
  },
  hooks: { onInstruction: { CMD: check, ENTRYPOINT: check, HEALTHCHECK: check } },
});
