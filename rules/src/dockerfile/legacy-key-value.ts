import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';

const messages = {
  legacy: (kw: string, name: string) => `'${kw} ${name} <value>' uses the legacy whitespace form; write ${name}=<value>.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  if (i.properties.length !== 1 || !i.argsRange) return;
  const p = i.properties[0]!;
  const raw = ctx.model.lines.slice(p.range);
  if (raw.startsWith(`${p.name}=`) || !/^\S+\s/.test(raw)) return;
  const value = raw.slice(p.name.length).trim();
  const simple = !/["'\\$`]/.test(value) && !value.includes('\n');
  ctx.report({
    at: p.nameRange,
    messageId: 'legacy',
    args: [i.keyword, p.name],
    ...(simple ? { fix: { title: `Rewrite as ${p.name}=…`, edits: [{ range: p.range, newText: `${p.name}=${/\s/.test(value) ? `"${value}"` : value}` }] } } : {}),
  });
}

export default defineRule({
  id: 'DF098',
  name: 'legacy-key-value',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Use key=value in ENV and LABEL',
  fix: 'safe',
  anchors: { buildkit: ['LegacyKeyValueFormat'] },
  messages,
  docs: {
    summary: 'ENV or LABEL uses the legacy `KEY value` form instead of `KEY=value`.',
    rationale: 'In the legacy form everything after the first space is the value, so `ENV A 1 B 2` sets A to "1 B 2"; the form is deprecated and BuildKit warns about it.',
    remediation: 'Write `KEY=value` (quote values with spaces).',
    references: ['https://docs.docker.com/reference/build-checks/legacy-key-value-format/'],
    examples: { bad: ['FROM alpine:3.20\nENV APP_HOME /app\n'], good: ['FROM alpine:3.20\nENV APP_HOME=/app\n'] },
  },
  hooks: { onInstruction: { ENV: check, LABEL: check } },
});
