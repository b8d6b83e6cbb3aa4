import rule from '../../../rules/src/dockerfile/wget-insecure';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nRUN wget -q https://example.com\n', { code: 'FROM alpine:3.20\nRUN curl --no-check-certificate x\n', name: 'other command (not wget)' }],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN wget --no-check-certificate -O /x https://example.com\n', output: 'FROM alpine:3.20\nRUN wget -O /x https://example.com\n', errors: [{ messageId: 'insecure', line: 2, column: 10, endColumn: 32 }] },
    { code: 'FROM alpine:3.20\nRUN sh -c "wget --no-check-certificate https://x"\n', name: 'inside sh -c', output: 'FROM alpine:3.20\nRUN sh -c "wget https://x"\n', errors: [{ messageId: 'insecure', line: 2, column: 17 }] },
  ],
});
