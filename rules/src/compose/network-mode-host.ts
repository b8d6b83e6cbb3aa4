import { lazySuggestion, defineRule } from '../engine/rule';
import { stringValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';
import { deleteField } from '../model/compose/edits';

export default defineRule({
  id: 'DC002',
  name: 'network-mode-host',
  target: 'compose',
  category: 'isolation',
  severity: 'error',
  title: 'Services must not share the host network stack',
  fix: 'suggestion',
  anchors: {
    kics: ['071a71ff-f868-47a4-ac0b-3c59e4ab5443'],
    pss: ['baseline:hostNamespaces'],
  },
  messages: {
    hostNetwork: (service: string) => `Service '${service}' uses the host's network stack (network_mode: host).`,
  },
  docs: {
    summary: 'A service sets `network_mode: host`, so it runs in the host network namespace.',
    rationale: 'With the host network the container can bind any host port, reach services listening only on localhost (including the Docker API if it listens on TCP), and sniff or spoof host traffic when it has NET_RAW. Published-port rules and network isolation between services no longer apply.',
    remediation: 'Remove `network_mode: host`, attach the service to a user-defined network and publish only the ports it needs with `ports`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#network_mode', 'https://docs.docker.com/engine/network/drivers/host/', 'CIS Docker Benchmark 5.9'],
    examples: {
      bad: ['services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'network_mode');
      if (!field || stringValue(field.value)?.trim().toLowerCase() !== 'host') return;
      ctx.report({
        at: locate(ctx.model.file, field, field.value),
        messageId: 'hostNetwork',
        args: [s.name],
        fixes: lazySuggestion('Remove network_mode: host', () => deleteField(ctx.model.file, s, field)),
      });
    },
  },
});
