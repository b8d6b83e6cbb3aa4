import { defineRule } from '../engine/rule';
import { scalarValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';
import { deleteField, setScalarField } from '../model/compose/edits';

export default defineRule({
  id: 'DC001',
  name: 'privileged-service',
  target: 'compose',
  category: 'privilege',
  severity: 'error',
  title: 'Services must not run privileged',
  fix: 'suggestion',
  anchors: {
    kics: ['ae5b6871-7f45-42e0-bb4c-ab300c4d2026'],
    pss: ['baseline:privileged'],
  },
  messages: {
    privileged: (service: string) => `Service '${service}' runs privileged.`,
  },
  docs: {
    summary: 'A Compose service sets `privileged: true`.',
    rationale: 'A privileged container gets all capabilities and every host device, and can take over the Docker host. It removes almost all isolation between the service and the machine.',
    remediation: 'Remove `privileged: true` and add only the capabilities the service needs with `cap_add`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#privileged', 'CIS Docker Benchmark 5.4'],
    examples: {
      bad: ['services:\n  web:\n    image: nginx:1.27\n    privileged: true\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_BIND_SERVICE]\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'privileged');
      if (!field || scalarValue(field.value) !== true) return;
      const file = ctx.model.file;
      const edit = field.inherited ? setScalarField(file, s, 'privileged', 'false') : deleteField(file, s, field);
      ctx.report({
        at: locate(file, field, field.value),
        messageId: 'privileged',
        args: [s.name],
        suggestions: edit ? [{ title: field.inherited ? 'Override with privileged: false' : 'Remove privileged: true', edits: [edit] }] : [],
      });
    },
  },
});
