import rule from '../../../rules/src/dockerfile/dnf-clean';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y tar-1.35 && dnf clean all\n',
    { code: 'FROM fedora:40\nRUN microdnf install -y tar-1.35 && rm -rf /var/cache/yum/*\n', name: 'cache removed' },
    { code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y tar-1.35\n', name: 'cache mount' },
  ],
  invalid: [
    { code: 'FROM fedora:40\nRUN dnf -y upgrade\n', output: 'FROM fedora:40\nRUN dnf -y upgrade && dnf clean all\n', errors: [{ messageId: 'noClean', line: 2, column: 5, endColumn: 19 }] },
    { code: 'FROM fedora:40\nRUN dnf install -y tar-1.35 && microdnf clean all\n', name: 'cleaner does not match installer', output: 'FROM fedora:40\nRUN dnf install -y tar-1.35 && microdnf clean all && dnf clean all\n', errors: [{ messageId: 'noClean', line: 2 }] },
  ],
});
