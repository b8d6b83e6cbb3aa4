import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { positionals } from '../model/dockerfile/shell-query';

const DIST_UPGRADE: ReadonlyMap<string, readonly string[]> = new Map([['zypper', ['dist-upgrade', 'dup']], ['apt-get', ['dist-upgrade']], ['apt', ['dist-upgrade', 'full-upgrade']]]);

export default defineRule({
  id: 'DF060',
  name: 'dist-upgrade',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Do not dist-upgrade the base image in a build',
  fix: 'none',
  anchors: { hadolint: ['DL3035'], trivy: ['AVD-DS-0024'], dockle: ['DKL-DI-0003'] },
  messages: {
    dist: (cmd: string) => `'${cmd}' may move the image to a new distribution release or replace essential packages.`,
  },
  docs: {
    summary: '`zypper dist-upgrade`/`dup`, `apt-get dist-upgrade` or `apt full-upgrade` runs in a RUN.',
    rationale: 'A distribution upgrade can change the release, remove packages and pull in new major versions, so the image no longer matches its base tag and builds are not reproducible. hadolint keeps only the zypper rule (DL3035); Trivy\'s apt rule is deprecated and Dockle warns. We flag both, since the effect is the same.',
    remediation: 'Use a newer base image instead; for security updates use `apt-get upgrade`/`zypper patch` on a pinned base, or rebuild on an updated base tag.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: { bad: ['FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n', 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n'], good: ['FROM opensuse/leap:15.6\nRUN zypper -n patch\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          const subs = DIST_UPGRADE.get(c.name);
          if (!subs) continue;
          const sub = positionals(c, ['-o', '-c', '-t', '-r', '--repo'])[0];
          if (sub && subs.includes(sub.value)) ctx.report({ at: ctx.model.lines.range(c.words[0]!.start, sub.end), messageId: 'dist', args: [`${c.name} ${sub.value}`] });
        }
      },
    },
  },
});
