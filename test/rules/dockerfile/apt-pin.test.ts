import rule from '../../../rules/src/dockerfile/apt-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n',
    { code: 'FROM debian:12\nRUN apt-get install -y ./pkg_1.0_amd64.deb\n', name: 'local .deb' },
    { code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=8.0\n', name: 'value of -t is not a package' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl git=1:2.39.5-0+deb12u1\n', errors: [{ messageId: 'unpinned', line: 2, column: 42, endColumn: 46, message: "'curl' is installed without a version, so each build may get a different one." }] },
    { code: 'ARG V=1.2\nFROM debian:12\nRUN apt-get install -y curl=$V wget\n', name: 'variable pins count, others not', errors: [{ messageId: 'unpinned', line: 3, column: 32 }] },
  ],
});
