import rule from '../../../rules/src/dockerfile/pointless-commands';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y ssh\n', { code: 'FROM debian:12\nRUN echo top\n', name: 'argument only' }],
  invalid: [
    { code: 'FROM debian:12\nRUN top\n', errors: [{ messageId: 'pointless', line: 2, column: 5, endColumn: 8 }] },
    { code: 'FROM debian:12\nRUN ["ps", "-d"]\n', name: 'exec form', errors: [{ messageId: 'pointless', line: 2 }] },
  ],
});
