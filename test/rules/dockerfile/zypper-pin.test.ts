import rule from '../../../rules/src/dockerfile/zypper-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34\n', { code: 'FROM opensuse/leap:15.6\nRUN zypper install -y tar\\>=1.30\n', name: 'escaped comparison' }],
  invalid: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper install -y tar && zypper clean\n', errors: [{ messageId: 'unpinned', line: 2, column: 23, endColumn: 26 }] }],
});
