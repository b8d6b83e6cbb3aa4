import { defineRule } from '../engine/rule';
import { hasFlag, insertAfter, positionals } from '../model/dockerfile/shell-query';
import { APK, cacheMountTargets, installsOf } from '../model/dockerfile/packages';

export default defineRule({
  id: 'DF056',
  name: 'apk-no-cache',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Pass --no-cache to apk add',
  fix: 'safe',
  anchors: { hadolint: ['DL3019'], trivy: ['AVD-DS-0025'], kics: ['ae9c56a6-3ed1-4ac0-9b54-31267f51151d'], dockle: ['DKL-DI-0004'] },
  messages: {
    cache: () => 'apk add keeps the package index in /var/cache/apk; add --no-cache.',
  },
  docs: {
    summary: '`apk add` runs without `--no-cache` (and without a cache mount on /var/cache/apk).',
    rationale: 'Without --no-cache apk stores the index in the layer; `--update` plus `rm -rf /var/cache/apk/*` does the same job in three steps and is often forgotten.',
    remediation: 'Use `apk add --no-cache <packages>`.',
    references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Local_Cache'],
    examples: { bad: ['FROM alpine:3.20\nRUN apk add curl=8.9.1-r1\n'], good: ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        if (cacheMountTargets(i).includes('/var/cache/apk')) return;
        for (const c of installsOf(ctx.model, i, APK)) {
          if (hasFlag(c, '--no-cache')) continue;
          const sub = positionals(c, APK.valueOpts)[0]!;
          ctx.report({ at: ctx.model.lines.range(c.words[0]!.start, sub.end), messageId: 'cache', args: [], ...(sub.exact ? { fix: { title: 'Add --no-cache', edits: [insertAfter(ctx.model, sub, '--no-cache')] } } : {}) });
        }
      },
    },
  },
});
