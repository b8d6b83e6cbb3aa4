import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { positionals } from '../model/dockerfile/shell-query';

export default defineRule({
  id: 'DF055',
  name: 'go-install-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin versions in go install, go get and go run',
  fix: 'none',
  anchors: { hadolint: ['DL3062'] },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' has no version (or @latest), so each build may fetch different code.`,
  },
  docs: {
    summary: '`go install`, `go get` or `go run` fetches a remote module path without `@version`, or with `@latest`.',
    rationale: 'Without a version the module resolves to the newest tag at build time; the tool you audited is not necessarily the one you get.',
    remediation: 'Add an explicit version: `go install golang.org/x/tools/gopls@v0.16.2`.',
    references: ['https://go.dev/ref/mod#go-install'],
    examples: { bad: ['FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n'], good: ['FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n', 'FROM golang:1.23\nRUN go install ./cmd/app\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'go') continue;
          const p = positionals(c, ['-o', '-C', '-ldflags', '-tags', '-gcflags', '-modfile', '-pkgdir', '-exec']);
          if (!['install', 'get', 'run'].includes(p[0]?.value ?? '')) continue;
          const pkg = p[1];
          if (!pkg || pkg.value.includes('$') || /^(\.|\/|~)/.test(pkg.value) || pkg.value.endsWith('.go')) continue;
          const at = pkg.value.lastIndexOf('@');
          if (at < 0 || pkg.value.slice(at + 1) === 'latest') ctx.report({ at: pkg.range, messageId: 'unpinned', args: [pkg.value] });
        }
      },
    },
  },
});
