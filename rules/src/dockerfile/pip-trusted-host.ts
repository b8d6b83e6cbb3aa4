import type { TextEdit } from 'vscode-languageserver-types';
import { defineRule, type DockerfileContext } from '../engine/rule';
import type { DockerfileModel, Instruction } from '../model/dockerfile/parse';
import type { ShellCommand } from '../model/dockerfile/shell';
import { commandsOf } from '../model/dockerfile/shell';
import { deleteWord, positionals } from '../model/dockerfile/shell-query';
import { asPip } from '../model/dockerfile/packages';
import { findAssignments } from '../model/dockerfile/assignments';

const messages = {
  flag: (host: string) => `pip --trusted-host ${host} skips TLS verification for that index.`,
  config: (setting: string) => `'${setting}' makes pip skip TLS verification.`,
};

function flagEdit(model: DockerfileModel, c: ShellCommand, k: number): TextEdit | undefined {
  const w = c.args[k]!;
  if (!w.exact) return undefined;
  if (w.value.includes('=')) return deleteWord(model, w);
  const value = c.args[k + 1];
  if (!value?.exact) return undefined;
  const del = deleteWord(model, value);
  return { range: { start: w.range.start, end: del.range.end }, newText: '' };
}

function checkRun(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const cmd of commandsOf(ctx.model, i)) {
    const c = asPip(cmd);
    if (!c) continue;
    const k = c.args.findIndex((a) => a.value === '--trusted-host' || a.value.startsWith('--trusted-host='));
    if (k >= 0) {
      const w = c.args[k]!;
      const host = w.value.includes('=') ? w.value.slice(w.value.indexOf('=') + 1) : c.args[k + 1]?.value ?? '';
      const edit = flagEdit(ctx.model, c, k);
      ctx.report({ at: w.range, messageId: 'flag', args: [host], ...(edit ? { fix: { title: 'Remove --trusted-host', edits: [edit] } } : {}) });
    }
    const p = positionals(c);
    if (p[0]?.value === 'config' && p[1]?.value === 'set' && /(^|\.)trusted-host$/.test(p[2]?.value ?? '')) ctx.report({ at: p[2]!.range, messageId: 'config', args: [`pip config set ${p[2]!.value}`] });
  }
}

export default defineRule({
  id: 'DF017',
  name: 'pip-trusted-host',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not mark pip indexes as trusted hosts',
  fix: 'safe',
  anchors: { checkov: ['CKV2_DOCKER_4', 'CKV2_DOCKER_16'] },
  messages,
  docs: {
    summary: 'pip is told to skip certificate checks with `--trusted-host`, `pip config set global.trusted-host` or `PIP_TRUSTED_HOST`.',
    rationale: 'A trusted host is fetched without TLS verification (and may be plain HTTP), so a network attacker can substitute any package, whose setup code then runs during the build.',
    remediation: 'Remove the trusted-host setting and serve the index over HTTPS with a valid certificate (add a private CA with `--cert` or `PIP_CERT`).',
    references: ['https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: {
      bad: ['FROM python:3.12-slim\nRUN pip install --trusted-host pypi.internal requests==2.32.3\n', 'FROM python:3.12-slim\nENV PIP_TRUSTED_HOST=pypi.internal\n'],
      good: ['FROM python:3.12-slim\nRUN pip install --index-url https://pypi.internal/simple requests==2.32.3\n'],
    },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        checkRun(i, ctx);
        for (const a of findAssignments(ctx.model, i, ['PIP_TRUSTED_HOST'])) if (a.value) ctx.report({ at: a.nameRange, messageId: 'config', args: [`${a.name}=${a.value}`] });
      },
      ENV(i, ctx) {
        for (const a of findAssignments(ctx.model, i, ['PIP_TRUSTED_HOST'])) if (a.value) ctx.report({ at: a.nameRange, messageId: 'config', args: [`${a.name}=${a.value}`] });
      },
    },
  },
});
