import { defineRule } from '../engine/rule';
import { commandsOf, type ShellCommand } from '../model/dockerfile/shell';

const FETCHERS = new Set(['curl', 'wget']);
const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'python', 'python3', 'perl', 'ruby', 'node', 'php']);

/** `sh -c "$(curl …)"` and `bash <(curl …)`: the download is a substitution in the shell's arguments. */
function substitutedDownload(c: ShellCommand): boolean {
  return INTERPRETERS.has(c.name) && c.args.some((a) => !a.literal && /^(<\(|\$\(|`)\s*(curl|wget)\b/.test(a.value.replace(/^"/, '')));
}

export default defineRule({
  id: 'DF008',
  name: 'curl-pipe-shell',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Do not pipe downloads straight into a shell',
  fix: 'none',
  anchors: {},
  messages: {
    pipe: (fetcher: string, shell: string) => `'${fetcher}' output is executed by '${shell}' without any integrity check.`,
  },
  docs: {
    summary: 'A script downloaded with curl or wget is piped (or substituted) straight into a shell or interpreter.',
    rationale: 'Whatever the server returns at build time is executed as the build user, usually root: a compromised or spoofed host, or a truncated download, runs unchecked. No anchor flags this directly; hadolint DL4006 only asks for pipefail, which makes a failed download fail the build but does not verify the content.',
    remediation: 'Download to a file, verify it against a pinned checksum (`sha256sum -c`) or signature, then run it.',
    references: ['https://cwe.mitre.org/data/definitions/494.html', 'https://docs.docker.com/build/building/best-practices/#using-pipes'],
    examples: {
      bad: ['FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n', 'FROM debian:12\nRUN sh -c "$(wget -qO- https://example.com/install.sh)"\n'],
      good: ['FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n'],
    },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        const cmds = commandsOf(ctx.model, i);
        for (const c of cmds) {
          if (substitutedDownload(c)) {
            ctx.report({ at: c.range, messageId: 'pipe', args: [c.args.find((a) => !a.literal)!.value.includes('wget') ? 'wget' : 'curl', c.name] });
            continue;
          }
          if (!c.pipeline || !INTERPRETERS.has(c.name)) continue;
          const fetch = cmds.find((f) => FETCHERS.has(f.name) && f.pipeline?.id === c.pipeline!.id && f.depth === c.depth && f.pipeline.index < c.pipeline!.index);
          if (fetch) ctx.report({ at: ctx.model.lines.range(fetch.start, c.end), messageId: 'pipe', args: [fetch.name, c.name] });
        }
      },
    },
  },
});
