import rule from '../../../rules/src/dockerfile/dist-upgrade';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get upgrade -y\n', { code: 'FROM opensuse/leap:15.6\nRUN zypper -n patch\n', name: 'patch' }],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper dup\n', errors: [{ messageId: 'dist', line: 2, column: 5, endColumn: 15 }] },
    { code: 'FROM debian:12\nRUN apt-get -y dist-upgrade\n', name: 'apt-get', errors: [{ messageId: 'dist', line: 2, message: "'apt-get dist-upgrade' may move the image to a new distribution release or replace essential packages." }] },
  ],
});
