import rule from '../../../rules/src/dockerfile/label-not-url';
import { labelRuleTester } from './label-schema-tester';

const K = 'org.opencontainers.image.source';

labelRuleTester(rule, { labelSchema: { [K]: 'url' } }, {
  valid: [
    `FROM alpine:3.20\nLABEL ${K}="https://github.com/example/app"\n`,
    { name: 'http with port and path', code: `FROM alpine:3.20\nLABEL ${K}=http://example.com:8080/a?b=c\n` },
    { name: 'another scheme', code: `FROM alpine:3.20\nLABEL ${K}="git+ssh://git@example.com/app.git"\n` },
    { name: 'variable', code: `FROM alpine:3.20\nARG SRC\nLABEL ${K}=\${SRC}\n` },
    { name: 'empty is DF103\'s business', code: `FROM alpine:3.20\nLABEL ${K}=""\n` },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="not a url"\n' },
  ],
  invalid: [
    { code: `FROM alpine:3.20\nLABEL ${K}="not-url"\n`, errors: [{ line: 2, column: 39, endColumn: 48, message: `Label '${K}' is not a valid URL: 'not-url'.` }] },
    { name: 'no scheme', code: `FROM alpine:3.20\nLABEL ${K}="github.com/example/app"\n`, errors: [{ line: 2 }] },
    { name: 'contains a space', code: `FROM alpine:3.20\nLABEL ${K}="https://example.com/a b"\n`, errors: [{ line: 2 }] },
    { name: 'ONBUILD', code: `FROM alpine:3.20\nONBUILD LABEL ${K}=example\n`, errors: [{ line: 2 }] },
  ],
});
