import rule from '../../../rules/src/dockerfile/rpm-gpg-off';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM fedora:40\nRUN dnf install -y tar-1.35\n'],
  invalid: [
    { code: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck tar-1.35\n', output: 'FROM fedora:40\nRUN dnf install -y tar-1.35\n', errors: [{ messageId: 'flag', line: 2, column: 20, endColumn: 32 }] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y tar=1.34\n', name: 'zypper', output: 'FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34\n', errors: [{ messageId: 'flag', line: 2 }] },
  ],
});
