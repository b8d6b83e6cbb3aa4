import { defineRule } from '../engine/rule';
import { definingService, fieldOf } from '../model/compose/services';
import { addListEntry } from '../model/compose/edits';

export default defineRule({
  id: 'DC018',
  name: 'cap-drop-missing',
  target: 'compose',
  category: 'privilege',
  severity: 'info',
  title: 'Drop all capabilities and add back only what is needed',
  fix: 'suggestion',
  anchors: {
    kics: ['ce76b7d0-9e77-464d-b86f-c5c48e03e22d'],
    pss: ['restricted:capabilities_restricted'],
  },
  messages: {
    missing: (service: string) => `Service '${service}' keeps Docker's default capabilities (no cap_drop: [ALL]).`,
    notAll: (service: string) => `Service '${service}' drops some capabilities but not ALL.`,
  },
  docs: {
    summary: 'A service has no `cap_drop` containing `ALL`.',
    rationale: "Docker gives every container 14 capabilities by default (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, MKNOD …). Most services need none of them; each one is something an attacker can use after a compromise, for example NET_RAW for spoofing on the bridge network. Dropping all and adding back the few that are needed is the least-privilege setup.",
    remediation: 'Add `cap_drop: [ALL]` and list the capabilities the service really needs under `cap_add`; test the service afterwards, because images that change file ownership or switch users at start-up need CHOWN, SETUID or SETGID back.',
    references: ['https://docs.docker.com/reference/compose-file/services/#cap_drop', 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities', 'CIS Docker Benchmark 5.3'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n', 'services:\n  app:\n    image: alpine:3.20\n    cap_drop: [NET_RAW]\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial) return;
      const holder = definingService(s, 'cap_drop');
      if (holder?.capDrop.some((c) => c.name === 'ALL')) return;
      const edit = addListEntry(ctx.model.file, s, 'cap_drop', 'ALL');
      const suggestions = edit ? [{ title: 'Add ALL to cap_drop', edits: [edit] }] : [];
      const own = fieldOf(s, 'cap_drop');
      if (own) ctx.report({ at: own.at, messageId: 'notAll', args: [s.name], suggestions });
      else ctx.report({ at: s.range, messageId: 'missing', args: [s.name], suggestions: holder ? [] : suggestions });
    },
  },
});
