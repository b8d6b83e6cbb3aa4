import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF096',
  name: 'expose-invalid-format',
  target: 'dockerfile',
  category: 'network',
  severity: 'warning',
  title: 'EXPOSE only container ports, not host mappings',
  fix: 'suggestion',
  anchors: { buildkit: ['ExposeInvalidFormat'] },
  messages: {
    mapping: (spec: string) => `'${spec}' contains a host address or port; EXPOSE only documents container ports.`,
  },
  docs: {
    summary: 'EXPOSE is given an IP address or a `host:container` mapping (`8080:80`, `127.0.0.1:80:80`).',
    rationale: 'Publishing ports to the host is a run-time decision; in a Dockerfile the mapping is ignored today (and will become an error), and it suggests the image binds host ports that were never reviewed.',
    remediation: 'Keep only the container port (`EXPOSE 80`) and publish with `docker run -p` or the orchestrator.',
    references: ['https://docs.docker.com/reference/build-checks/expose-invalid-format/'],
    examples: { bad: ['FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80\n'], good: ['FROM nginx:1.27\nEXPOSE 80\n'] },
  },
  hooks: {
    onInstruction: {
      EXPOSE(i, ctx) {
        for (const w of i.args) {
          const [ports, proto] = w.value.split('/');
          if (!ports || !ports.includes(':') || ports.includes('$')) continue;
          const container = ports.split(':').pop()!;
          const newText = proto === undefined ? container : `${container}/${proto}`;
          ctx.report({ at: w.range, messageId: 'mapping', args: [w.value], suggestions: [{ title: `Expose ${newText}`, edits: [{ range: w.range, newText }] }] });
        }
      },
    },
  },
});
