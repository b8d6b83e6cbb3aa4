import rule from '../../../rules/src/dockerfile/zypper-yes';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM opensuse/leap:15.6\nRUN zypper -n install tar=1.34\n', { code: 'FROM opensuse/leap:15.6\nRUN zypper install --no-confirm tar=1.34\n', name: '--no-confirm' }],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper install tar=1.34\n', output: 'FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34\n', errors: [{ messageId: 'noYes', line: 2, column: 5, endColumn: 19 }] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper in tar=1.34\n', name: 'short subcommand', output: 'FROM opensuse/leap:15.6\nRUN zypper in -y tar=1.34\n', errors: [{ messageId: 'noYes', line: 2 }] },
  ],
});
