import rule from '../../../rules/src/dockerfile/apt-force-yes';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl\n',
    { name: 'another command', code: 'FROM debian:12\nRUN echo --force-yes\n' },
    { name: 'after --', code: 'FROM debian:12\nRUN apt-get install -y -- --force-yes\n' },
  ],
  invalid: [
    {
      name: 'replaced with -y when no -y is given',
      code: 'FROM debian:12\nRUN apt-get install --force-yes curl\n',
      output: 'FROM debian:12\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'flag', line: 2, column: 21, endColumn: 32, message: 'apt-get --force-yes also accepts unauthenticated packages and downgrades.' }],
    },
    { name: 'dropped when -y is there', code: 'FROM debian:12\nRUN apt-get install -y --force-yes curl\n', output: 'FROM debian:12\nRUN apt-get install -y curl\n', errors: [{ messageId: 'flag', line: 2, column: 24 }] },
    { name: 'dropped when --yes is there', code: 'FROM debian:12\nRUN apt-get --yes install curl --force-yes\n', output: 'FROM debian:12\nRUN apt-get --yes install curl\n', errors: [{ messageId: 'flag', line: 2 }] },
    { name: 'dropped when -y is in a cluster', code: 'FROM debian:12\nRUN apt-get install -qy --force-yes curl\n', output: 'FROM debian:12\nRUN apt-get install -qy curl\n', errors: [{ messageId: 'flag', line: 2 }] },
    { name: 'apt, in a chain', code: 'FROM debian:12\nRUN apt update && apt install --force-yes curl\n', output: 'FROM debian:12\nRUN apt update && apt install -y curl\n', errors: [{ messageId: 'flag', line: 2 }] },
    { name: 'ONBUILD', code: 'FROM debian:12\nONBUILD RUN apt-get upgrade --force-yes\n', output: 'FROM debian:12\nONBUILD RUN apt-get upgrade -y\n', errors: [{ messageId: 'flag', line: 2 }] },
  ],
});
