import rule from '../../../rules/src/compose/cgroup-custom';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          cgroup: private
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            cgroup_parent: ""
      `, name: 'empty parent' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            cgroup_parent: nat-docker
            cgroup: host
      `,
      errors: [
        { messageId: 'parent', line: 4, column: 20, endColumn: 30, message: "Service 'app' runs under the custom cgroup parent 'nat-docker'." },
        { messageId: 'hostNamespace', line: 5, column: 13, endColumn: 17 },
      ],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            cgroup: host
      `],
    },
  ],
});
