import rule from '../../../rules/src/compose/devices';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        ml:
          image: example/ml:1.0
          devices:
            - nvidia.com/gpu=all
          deploy:
            resources:
              reservations:
                devices:
                  - capabilities: [gpu]
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            devices:
              - /dev/sda:/dev/xvda:rwm
              - "/dev/ttyUSB0"
            device_cgroup_rules:
              - 'a *:* rwm'
      `,
      errors: [
        { messageId: 'device', line: 5, column: 9, endColumn: 31, message: "Service 'app' gets direct access to the host device '/dev/sda'." },
        { messageId: 'device', line: 6, column: 9, endColumn: 23 },
        { messageId: 'cgroupRule', line: 8, column: 9, endColumn: 20, message: "Service 'app' is allowed device access by the cgroup rule 'a *:* rwm'." },
      ],
    },
  ],
});
