import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF064',
  name: 'redundant-target-platform',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Drop FROM --platform=$TARGETPLATFORM',
  fix: 'safe',
  anchors: { hadolint: ['DL3065'], buildkit: ['RedundantTargetPlatform'] },
  messages: {
    redundant: () => '--platform=$TARGETPLATFORM is the default and can be removed.',
  },
  docs: {
    summary: 'FROM sets `--platform` to `$TARGETPLATFORM`, which is what the builder uses anyway.',
    rationale: 'The flag adds noise and suggests a deliberate choice where there is none; it is easily confused with `$BUILDPLATFORM`, which does change behaviour.',
    remediation: 'Remove `--platform=$TARGETPLATFORM`.',
    references: ['https://docs.docker.com/reference/build-checks/redundant-target-platform/'],
    examples: { bad: ['FROM --platform=$TARGETPLATFORM alpine:3.20\n'], good: ['FROM alpine:3.20\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const f = s.from.flags.find((x) => x.name.toLowerCase() === 'platform');
      if (!f?.value || !/^"?\$\{?TARGETPLATFORM\}?"?$/.test(f.value)) return;
      const end = ctx.model.lines.offsetAt(f.range.end);
      let stop = end;
      while (ctx.text[stop] === ' ' || ctx.text[stop] === '\t') stop++;
      ctx.report({ at: f.range, messageId: 'redundant', args: [], fix: { title: 'Remove the flag', edits: [{ range: { start: f.range.start, end: ctx.model.lines.positionAt(stop) }, newText: '' }] } });
    },
  },
});
