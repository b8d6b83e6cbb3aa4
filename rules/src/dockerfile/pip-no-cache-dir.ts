import { defineRule } from '../engine/rule';
import type { DockerfileModel, Instruction } from '../model/dockerfile/parse';
import { commandsOf } from '../model/dockerfile/shell';
import { hasFlag, insertAfter, positionals } from '../model/dockerfile/shell-query';
import { asInstall, cacheMountTargets, PIP } from '../model/dockerfile/packages';
import { assignmentsOf } from '../model/dockerfile/assignments';

const TRUTHY = /^(1|true|on|yes)$/i;

/** PIP_NO_CACHE_DIR set truthy in ENV of this stage chain, or in this RUN (prefix or export). */
function cacheDisabled(model: DockerfileModel, i: Instruction): boolean {
  const chain = new Set<number>();
  let s = model.stages[i.stageIndex];
  while (s && !chain.has(s.index)) { chain.add(s.index); s = s.fromStage; }
  let env: string | undefined;
  for (const x of model.instructions) {
    if (x.index >= i.index) break;
    if (x.keyword === 'ENV' && !x.onbuild && (chain.has(x.stageIndex) || x.stageIndex < 0)) for (const p of x.properties) if (p.name === 'PIP_NO_CACHE_DIR') env = p.value;
  }
  for (const a of assignmentsOf(model, i)) if (a.name === 'PIP_NO_CACHE_DIR') env = a.value;
  return env !== undefined && TRUTHY.test(env.replace(/^["']|["']$/g, ''));
}

export default defineRule({
  id: 'DF054',
  name: 'pip-no-cache-dir',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Pass --no-cache-dir to pip install',
  fix: 'safe',
  anchors: { hadolint: ['DL3042'], kics: ['f2f903fb-b977-461e-98d7-b3e2185c6118'] },
  messages: {
    cache: () => 'pip install keeps its download cache in the image layer; add --no-cache-dir.',
  },
  docs: {
    summary: '`pip install` runs without `--no-cache-dir` (and without `PIP_NO_CACHE_DIR` or a cache mount on /root/.cache/pip).',
    rationale: 'pip keeps every downloaded wheel under ~/.cache/pip; in an image that is dead weight (often tens of megabytes) that ships with every pull.',
    remediation: 'Add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or use `RUN --mount=type=cache,target=/root/.cache/pip`.',
    references: ['https://pip.pypa.io/en/stable/topics/caching/'],
    examples: { bad: ['FROM python:3.12\nRUN pip install requests==2.32.3\n'], good: ['FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        if (cacheMountTargets(i).some((t) => t === '/root/.cache/pip' || t === '/root/.cache')) return;
        for (const cmd of commandsOf(ctx.model, i)) {
          const c = asInstall(cmd, PIP);
          if (!c || cmd.name === 'pipx' || hasFlag(c, '--no-cache-dir') || cacheDisabled(ctx.model, i)) continue;
          const sub = positionals(c, PIP.valueOpts)[0]!;
          ctx.report({ at: ctx.model.lines.range(c.words[0]!.start, sub.end), messageId: 'cache', args: [], ...(sub.exact ? { fix: { title: 'Add --no-cache-dir', edits: [insertAfter(ctx.model, sub, '--no-cache-dir')] } } : {}) });
        }
      },
    },
  },
});
