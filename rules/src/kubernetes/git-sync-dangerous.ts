import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, stringValue } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { envOf, stringItems } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

/** git-sync options that run commands or hooks (code injection through the manifest or the repository). */
const DANGEROUS = ['--git-config', '--exechook-command', '--askpass-url', '--sparse-checkout-file', '--git'];
const DANGEROUS_ENV = ['GITSYNC_GIT_CONFIG', 'GIT_SYNC_GIT_CONFIG', 'GITSYNC_EXECHOOK_COMMAND', 'GIT_SYNC_EXECHOOK_COMMAND', 'GITSYNC_ASKPASS_URL', 'GIT_SYNC_ASKPASS_URL', 'GITSYNC_GIT', 'GIT_SYNC_GIT'];

export default defineRule({
  id: 'K8S080',
  name: 'git-sync-dangerous',
  target: 'kubernetes',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Do not pass command-running options to git-sync',
  fix: 'none',
  anchors: { checkov: ['CKV_K8S_159'] },
  messages: {
    arg: (container: string, option: string) => `${container} passes ${option} to git-sync, which can run arbitrary commands.`,
  },
  docs: {
    summary: 'A git-sync container sets --git-config, --exechook-command, --askpass-url, --sparse-checkout-file or --git (as arguments or GITSYNC_* variables).',
    rationale: 'These options make git-sync run commands or load configuration chosen by whoever controls the manifest, and git config can itself execute programs (core.sshCommand, hooks). Anyone able to edit the git-sync settings gets code execution in a pod that usually holds repository credentials (CVE-2025-1767 class of issues).',
    remediation: 'Remove the option, or make sure only administrators can change the workload and the values come from a trusted source.',
    references: ['https://github.com/kubernetes/git-sync#manual'],
    examples: {
      bad: [containerYaml('args: ["--repo=https://github.com/example/site", "--exechook-command=/bin/sh"]\n').replace('nginx:1.27.2', 'registry.k8s.io/git-sync/git-sync:v4.4.0')],
      good: [containerYaml('args: ["--repo=https://github.com/example/site", "--period=60s"]\n').replace('nginx:1.27.2', 'registry.k8s.io/git-sync/git-sync:v4.4.0')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (!(c.image ?? '').includes('git-sync')) return;
      const file = c.workload.object.file;
      for (const field of ['args', 'command']) {
        for (const item of stringItems(mapGet(c.node, field))) {
          const option = DANGEROUS.find((d) => item.value === d || item.value.startsWith(`${d}=`));
          if (option) ctx.report({ at: nodeRange(file, item.node) ?? c.range, messageId: 'arg', args: [containerLabel(c), option] });
        }
      }
      for (const e of envOf(c)) {
        if (e.name !== undefined && DANGEROUS_ENV.includes(e.name) && stringValue(e.valueNode) !== '') ctx.report({ at: nodeRange(file, e.nameNode) ?? c.range, messageId: 'arg', args: [containerLabel(c), e.name] });
      }
    },
  },
});
