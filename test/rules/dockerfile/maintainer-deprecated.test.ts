import rule from '../../../rules/src/dockerfile/maintainer-deprecated';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n'],
  invalid: [
    { code: 'FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n', output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n', errors: [{ messageId: 'maintainer', line: 2, column: 1, endColumn: 11 }] },
    { code: 'FROM alpine:3.20\nmaintainer "Jane"\n', name: 'lower case, quoted', output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n', errors: [{ messageId: 'maintainer', line: 2 }] },
  ],
});
