import { defineRule } from '../engine/rule';
import { commandsOf, type ShellCommand } from '../model/dockerfile/shell';
import { positionals } from '../model/dockerfile/shell-query';

/** Index refreshes per package manager, and the subcommands that install with the fresh index. */
interface Spec {
  update: readonly string[];
  install: readonly string[];
}
const UPDATES: ReadonlyMap<string, Spec> = new Map([
  ['apt-get', { update: ['update'], install: ['install', 'upgrade', 'dist-upgrade', 'build-dep', 'source'] }],
  ['apt', { update: ['update'], install: ['install', 'upgrade', 'full-upgrade', 'dist-upgrade'] }],
  ['apk', { update: ['update'], install: ['add', 'upgrade'] }],
  ['zypper', { update: ['refresh', 'ref'], install: ['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup'] }],
  ['yum', { update: ['update', 'makecache'], install: ['install', 'groupinstall', 'localinstall'] }],
  ['dnf', { update: ['update', 'makecache'], install: ['install', 'in', 'groupinstall', 'localinstall'] }],
  ['pacman', { update: ['update'], install: ['install'] }],
]);

function sub(c: ShellCommand): string {
  // pacman selects the operation with flags: -Sy/-Syu refresh, -S with packages installs.
  if (c.name === 'pacman') {
    const op = c.args[0]?.value ?? '';
    if (!/^-S[a-z]*$/.test(op)) return '';
    return positionals(c).length > 0 ? 'install' : op.includes('y') ? 'update' : '';
  }
  return positionals(c, ['-o', '-c', '-t', '-X', '--repository'])[0]?.value ?? '';
}

export default defineRule({
  id: 'DF037',
  name: 'update-alone',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Refresh package indexes in the same RUN that installs',
  fix: 'none',
  anchors: { checkov: ['CKV_DOCKER_5'], trivy: ['AVD-DS-0017'], kics: ['9bae49be-0aa3-4de5-bab2-4c3a069e40cd'], dockle: ['CIS-DI-0007'] },
  messages: {
    alone: (cmd: string, update: string, line: number) => `'${cmd}' relies on '${update}' from the separate RUN on line ${line}, whose cached layer may hold stale indexes.`,
  },
  docs: {
    summary: 'A RUN installs packages using an index that an earlier RUN of the stage refreshed on its own (`apt-get update`, `apk update`, `yum update` …).',
    rationale: 'The build cache keeps the update layer as long as its text is unchanged, so the install in the later RUN runs against months-old indexes: it installs outdated, vulnerable versions or fails on vanished packages. Like KICS, the install is reported (it is what goes wrong); an update with no later install is merely useless.',
    remediation: 'Combine the update and the install in one RUN: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
    },
  },
  hooks: {
    onStage(stage, ctx) {
      const refreshed = new Map<string, ShellCommand>();
      for (const i of stage.instructions) {
        if (i.keyword !== 'RUN' || i.onbuild) continue;
        const cmds = commandsOf(ctx.model, i);
        // The package-manager commands of this RUN with their subcommands (a RUN without one
        // neither refreshes an index nor installs from one).
        const pms: { c: ShellCommand; spec: Spec; sub: string }[] = [];
        for (const c of cmds) {
          const spec = UPDATES.get(c.name);
          if (spec) pms.push({ c, spec, sub: sub(c) });
        }
        if (pms.length === 0) continue;
        const here = new Set(pms.filter(({ c, spec, sub: s }) => spec.update.includes(s) || (c.name === 'apk' && c.args.some((a) => ['--update', '-U', '--update-cache'].includes(a.value)))).map(({ c }) => c.name));
        for (const { c, spec, sub: s } of pms) {
          const earlier = refreshed.get(c.name);
          if (spec.install.includes(s) && earlier && !here.has(c.name)) {
            ctx.report({ at: ctx.model.lines.range(c.words[0]!.start, positionals(c)[0]?.end ?? c.end), messageId: 'alone', args: [`${c.name} ${s}`, `${earlier.name} ${sub(earlier)}`, earlier.range.start.line + 1] });
          }
        }
        for (const { c, spec, sub: s } of pms) {
          if (!spec.update.includes(s)) continue;
          if (pms.some((x) => x.c.name === c.name && x.spec.install.includes(x.sub))) refreshed.delete(c.name);
          else refreshed.set(c.name, c);
        }
      }
    },
  },
});
