import rule from '../../../rules/src/dockerfile/dnf-yes';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM fedora:40\nRUN dnf install -y tar-1.35\n', { code: 'FROM fedora:40\nRUN notdnf install tar\n', name: 'other command' }],
  invalid: [
    { code: 'FROM fedora:40\nRUN dnf install tar-1.35\n', output: 'FROM fedora:40\nRUN dnf install -y tar-1.35\n', errors: [{ messageId: 'noYes', line: 2, column: 5, endColumn: 16, message: "'dnf install' without -y waits for a confirmation that never comes in a build." }] },
    { code: 'FROM fedora:40\nRUN microdnf install tar-1.35\n', name: 'microdnf', output: 'FROM fedora:40\nRUN microdnf install -y tar-1.35\n', errors: [{ messageId: 'noYes', line: 2 }] },
  ],
});
