import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';

export default defineRule({
  id: 'DF035',
  name: 'wget-and-curl',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Use either wget or curl, not both',
  fix: 'none',
  anchors: { hadolint: ['DL4001'], trivy: ['AVD-DS-0014'], kics: ['fc775e75-fcfb-4c98-b2f2-910c5858b359'] },
  messages: {
    both: (tool: string, other: string, line: number) => `'${tool}' is used in a stage that also uses '${other}' (line ${line}); two download tools double the attack surface.`,
  },
  docs: {
    summary: 'One stage runs both wget and curl.',
    rationale: 'Two HTTP clients mean two sets of TLS settings and CVEs to track, and usually one of them was installed only for a single download.',
    remediation: 'Standardise on one tool per stage (and remove the other package).',
    references: ['https://docs.docker.com/build/building/best-practices/'],
    examples: { bad: ['FROM debian:12\nRUN wget -q https://example.com/a && curl -fsSL https://example.com/b\n'], good: ['FROM debian:12\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      // Like hadolint: once both tools have appeared in the stage, every RUN using one is reported.
      const seen = new Map<string, number>();
      for (const i of s.instructions) {
        if (i.keyword !== 'RUN') continue;
        const tools = commandsOf(ctx.model, i).filter((c) => c.name === 'wget' || c.name === 'curl');
        for (const c of tools) if (!seen.has(c.name)) seen.set(c.name, c.range.start.line + 1);
        const c = tools[tools.length - 1];
        if (!c || seen.size < 2) continue;
        const other = c.name === 'wget' ? 'curl' : 'wget';
        ctx.report({ at: c.words[0]!.range, messageId: 'both', args: [c.name, other, seen.get(other)!] });
      }
    },
  },
});
