import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF091',
  name: 'no-inline-ignore',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Avoid inline hadolint ignore pragmas',
  fix: 'none',
  defaultOff: true,
  anchors: { hadolint: ['DL1001'] },
  messages: {
    pragma: () => 'Inline ignore pragmas hide findings where reviewers rarely look; prefer central configuration.',
  },
  docs: {
    summary: 'A comment contains a `hadolint ignore=` pragma.',
    rationale: 'Teams that want every exception recorded centrally (with a reason) forbid inline pragmas. Off by default, like hadolint\'s DL1001; Bulkhead honours hadolint pragmas for the rules it maps.',
    remediation: 'Move the exception to the configuration file, or use `# bulkhead-ignore <ID> -- <reason>` so the reason is recorded.',
    references: ['https://github.com/hadolint/hadolint#inline-ignores'],
    examples: { bad: ['FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\n'], good: ['FROM alpine:3.20\n# pinned by the base image release\nRUN apk add --no-cache curl\n'] },
  },
  hooks: {
    onEnd(ctx) {
      for (const c of ctx.model.comments) if (/^\s*hadolint\s+ignore\s*=/.test(c.value)) ctx.report({ at: c.range, messageId: 'pragma', args: [] });
      // At the top of the file dockerfile-ast reads `# hadolint ignore=…` as a parser directive.
      for (const d of ctx.model.ast.getDirectives()) {
        const line = d.getNameRange().start.line;
        if (/^#\s*hadolint\s+ignore\s*=/i.test(ctx.model.lines.lineText(line))) ctx.report({ at: { start: { line, character: 0 }, end: d.getValueRange().end }, messageId: 'pragma', args: [] });
      }
    },
  },
});
