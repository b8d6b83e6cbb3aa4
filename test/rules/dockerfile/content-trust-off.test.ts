import rule from '../../../rules/src/dockerfile/content-trust-off';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=1\n'],
  invalid: [
    { code: 'FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=0\n', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 25 }] },
    { code: 'FROM docker:27-cli\nRUN DOCKER_CONTENT_TRUST=0 docker pull x\n', name: 'prefix in RUN', errors: [{ messageId: 'off', line: 2, column: 5 }] },
  ],
});
