import rule from '../../../rules/src/dockerfile/rpm-nosignature';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM fedora:40\nRUN rpm -i /tmp/p.rpm\n'],
  invalid: [{ code: 'FROM fedora:40\nRUN rpm -i --nodigest /tmp/p.rpm\n', output: 'FROM fedora:40\nRUN rpm -i /tmp/p.rpm\n', errors: [{ messageId: 'flag', line: 2, column: 12, endColumn: 22 }] }],
});
