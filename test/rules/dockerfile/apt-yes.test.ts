import rule from '../../../rules/src/dockerfile/apt-yes';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl\n',
    { code: 'FROM debian:12\nRUN apt-get install -yq curl\n', name: 'cluster' },
    { code: 'FROM debian:12\nRUN apt-get --assume-yes install curl\n', name: 'long flag before the subcommand' },
    { code: 'FROM debian:12\nRUN apt-get install -qq curl\n', name: '-qq implies -y' },
    { code: 'FROM debian:12\nRUN apt-get install -q -q curl\n', name: '-q -q' },
    { code: 'FROM debian:12\nRUN apt-get update\n', name: 'not an install' },
    { code: 'FROM debian:12\nRUN echo apt-get install curl\n', name: 'only an argument' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get install curl\n', output: 'FROM debian:12\nRUN apt-get install -y curl\n', errors: [{ messageId: 'noYes', line: 2, column: 5, endColumn: 20 }] },
    { code: 'FROM debian:12\nRUN apt-get update && apt-get -q install curl\n', name: 'single -q is not enough', output: 'FROM debian:12\nRUN apt-get update && apt-get -q install -y curl\n', errors: [{ messageId: 'noYes', line: 2, column: 23 }] },
    { code: 'FROM debian:12\nRUN sudo apt-get install curl\n', name: 'behind sudo', output: 'FROM debian:12\nRUN sudo apt-get install -y curl\n', errors: [{ messageId: 'noYes', line: 2, column: 10 }] },
    { code: 'FROM debian:12\nRUN apt-get \\\n    install \\\n    curl\n', name: 'continuation lines', output: 'FROM debian:12\nRUN apt-get \\\n    install -y \\\n    curl\n', errors: [{ messageId: 'noYes', line: 2, column: 5, endLine: 3, endColumn: 12 }] },
    { code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n', name: 'exec form: no fix', errors: [{ messageId: 'noYes', line: 2 }] },
  ],
});
