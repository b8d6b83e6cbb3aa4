import rule from '../../../rules/src/dockerfile/zypper-clean';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34 && zypper cc\n', { code: 'FROM opensuse/leap:15.6\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y tar\n', name: 'tmpfs mount' }],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34\n', output: 'FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34 && zypper clean\n', errors: [{ messageId: 'noClean', line: 2, column: 5, endColumn: 19 }] },
  ],
});
