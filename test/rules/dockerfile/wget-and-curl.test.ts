import rule from '../../../rules/src/dockerfile/wget-and-curl';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN wget -q https://x\n', { code: 'FROM debian:12 AS a\nRUN wget -q https://x\nFROM debian:12\nRUN curl -fsS https://y\n', name: 'different stages' }],
  invalid: [
    { code: 'FROM debian:12\nRUN wget -q https://x\nRUN curl -fsS https://y\n', errors: [{ messageId: 'both', line: 3, column: 5, endColumn: 9, message: "'curl' is used in a stage that also uses 'wget' (line 2); two download tools double the attack surface." }] },
    { code: 'FROM debian:12\nRUN wget a\nRUN curl b\nRUN echo hi\nRUN wget c\n', name: 'every later RUN using one', errors: [{ messageId: 'both', line: 3 }, { messageId: 'both', line: 5 }] },
  ],
});
