import rule from '../../../rules/src/dockerfile/curl-insecure';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN curl -fsSL https://example.com\n',
    { code: 'FROM alpine:3.20\nRUN curl -H "X-k: 1" https://example.com\n', name: 'k inside a header value' },
    { code: 'FROM alpine:3.20\nRUN wget -k https://example.com\n', name: 'wget -k converts links' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN curl -k https://example.com\n', output: 'FROM alpine:3.20\nRUN curl https://example.com\n', errors: [{ messageId: 'insecure', line: 2, column: 10, endColumn: 12 }] },
    { code: 'FROM alpine:3.20\nRUN curl -fsSLk -o /x https://example.com\n', name: 'cluster', output: 'FROM alpine:3.20\nRUN curl -fsSL -o /x https://example.com\n', errors: [{ messageId: 'insecure', line: 2, column: 10, endColumn: 16 }] },
    { code: 'FROM alpine:3.20\nRUN curl https://example.com --insecure\n', name: 'long flag at the end', output: 'FROM alpine:3.20\nRUN curl https://example.com\n', errors: [{ messageId: 'insecure', line: 2 }] },
  ],
});
