import { defineRule } from '../engine/rule';
import { fieldOf } from '../model/compose/services';
import { DANGEROUS_CAPS } from '../model/compose/options';
import { deleteListEntry } from '../model/compose/edits';

export default defineRule({
  id: 'DC004',
  name: 'cap-add-dangerous',
  target: 'compose',
  category: 'privilege',
  severity: 'error',
  title: 'Do not add ALL, SYS_ADMIN or other host-level capabilities',
  fix: 'suggestion',
  anchors: {
    kics: ['ce76b7d0-9e77-464d-b86f-c5c48e03e22d'],
    pss: ['baseline:capabilities_baseline'],
  },
  messages: {
    all: (service: string) => `Service '${service}' adds every Linux capability (cap_add: ALL).`,
    dangerous: (service: string, cap: string) => `Service '${service}' adds the capability ${cap}, which allows breaking out to the host.`,
  },
  docs: {
    summary: 'A service adds `ALL` or a capability such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN or DAC_READ_SEARCH with `cap_add`.',
    rationale: '`cap_add: [ALL]` is nearly the same as `privileged: true`. SYS_ADMIN allows mounting filesystems and many known container escapes, SYS_MODULE loads kernel modules, SYS_PTRACE reads other processes\' memory, DAC_READ_SEARCH bypasses file permissions (the "shocker" escape), NET_ADMIN reconfigures networking. None of them are granted by Docker by default.',
    remediation: 'Remove the capability from `cap_add`; if one narrow capability is truly needed, add only that one, and drop the rest with `cap_drop: [ALL]`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#cap_add', 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities', 'https://man7.org/linux/man-pages/man7/capabilities.7.html', 'CIS Docker Benchmark 5.3'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    cap_add:\n      - SYS_ADMIN\n', 'services:\n  app:\n    image: alpine:3.20\n    cap_add: [ALL]\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'cap_add');
      for (const cap of s.capAdd) {
        if (!DANGEROUS_CAPS.has(cap.name)) continue;
        const edit = deleteListEntry(ctx.model.file, s, field, cap.node);
        const suggestions = edit ? [{ title: `Remove ${cap.raw} from cap_add`, edits: [edit] }] : [];
        if (cap.name === 'ALL') ctx.report({ at: cap.at, messageId: 'all', args: [s.name], suggestions });
        else ctx.report({ at: cap.at, messageId: 'dangerous', args: [s.name, cap.name], suggestions });
      }
    },
  },
});
