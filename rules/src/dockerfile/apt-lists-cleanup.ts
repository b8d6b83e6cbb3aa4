import { defineRule } from '../engine/rule';
import type { DockerfileModel, Instruction } from '../model/dockerfile/parse';
import { commandsOf } from '../model/dockerfile/shell';
import { appendCommand, hasFlag, positionals } from '../model/dockerfile/shell-query';
import { cacheMountTargets } from '../model/dockerfile/packages';
import { isShipped } from '../model/dockerfile/stages';

const APT_NAMES = ['apt-get', 'apt', 'aptitude'];

function cleansLists(model: DockerfileModel, i: Instruction): boolean {
  const mounts = cacheMountTargets(i);
  if (mounts.includes('/var/lib/apt/lists') || (mounts.includes('/var/lib/apt') && mounts.includes('/var/cache/apt'))) return true;
  return commandsOf(model, i).some((c) => c.name === 'rm' && hasFlag(c, '-r', '-R', '--recursive') && c.args.some((a) => /^\/var\/lib\/apt\/lists(\/\*?)?$/.test(a.value)));
}

export default defineRule({
  id: 'DF011',
  name: 'apt-lists-cleanup',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Remove apt lists in the RUN that installs packages',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3009'],
    kics: ['df746b39-6564-4fed-bf85-e9c44382303c'],
    dockle: ['DKL-DI-0005'],
  },
  messages: {
    lists: (cmd: string) => `'${cmd}' leaves /var/lib/apt/lists in this layer; remove it in the same RUN.`,
  },
  docs: {
    summary: 'A RUN that runs `apt-get update`/`install` does not remove `/var/lib/apt/lists/*` before the layer is committed.',
    rationale: 'Package indexes add tens of megabytes to the layer and go stale the moment the image is built. Only stages that reach the final image (the final stage and stages it is built FROM) and ONBUILD triggers are reported; a build stage that is only copied from does not ship its lists. A BuildKit cache or tmpfs mount on the lists directory is accepted.',
    remediation: 'Append `&& rm -rf /var/lib/apt/lists/*` to the RUN that installs packages, or mount a cache on `/var/lib/apt/lists`.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
    },
  },
  hooks: {
    onEnd(ctx) {
      for (const i of ctx.model.instructions) {
        {
          if (i.keyword !== 'RUN' || !isShipped(ctx.model, i)) continue;
          const apt = commandsOf(ctx.model, i).find((c) => APT_NAMES.includes(c.name) && ['update', 'install'].includes(positionals(c, ['-o', '-c', '-t'])[0]?.value ?? ''));
          if (!apt || cleansLists(ctx.model, i)) continue;
          const edit = appendCommand(ctx.model, i, 'rm -rf /var/lib/apt/lists/*');
          ctx.report({ at: ctx.model.lines.range(apt.words[0]!.start, apt.words[1]?.end ?? apt.end), messageId: 'lists', args: [`${apt.name} ${apt.args[0]?.value ?? ''}`.trim()], ...(edit ? { fix: { title: 'Remove the apt lists in this RUN', edits: [edit] } } : {}) });
        }
      }
    },
  },
});
