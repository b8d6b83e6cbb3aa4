import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { flagValue, hasFlag, insertAfter } from '../model/dockerfile/shell-query';

export default defineRule({
  id: 'DF059',
  name: 'useradd-no-l',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Pass -l to useradd with a large UID',
  fix: 'safe',
  anchors: { hadolint: ['DL3046'] },
  messages: {
    lastlog: (uid: string) => `useradd -u ${uid} without -l makes /var/log/lastlog a sparse file of gigabytes, which layers store expanded.`,
  },
  docs: {
    summary: '`useradd` creates a user with a UID of six or more digits without `-l`/`--no-log-init`.',
    rationale: 'useradd reserves a lastlog record at offset UID × record size; in a layer the sparse file is stored expanded, so a UID like 100000000 adds gigabytes to the image.',
    remediation: 'Add `-l` (`--no-log-init`) to useradd.',
    references: ['https://docs.docker.com/build/building/best-practices/#user'],
    examples: { bad: ['FROM debian:12\nRUN useradd -u 123456 app\n'], good: ['FROM debian:12\nRUN useradd -l -u 123456 app\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'useradd' || hasFlag(c, '-l', '--no-log-init')) continue;
          const uid = flagValue(c, '-u', '--uid');
          if (!uid || !/^\d{6,}$/.test(uid)) continue;
          const w = c.words[0]!;
          ctx.report({ at: w.range, messageId: 'lastlog', args: [uid], ...(w.exact ? { fix: { title: 'Add -l', edits: [insertAfter(ctx.model, w, '-l')] } } : {}) });
        }
      },
    },
  },
});
