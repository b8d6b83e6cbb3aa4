import rule from '../../../rules/src/dockerfile/label-not-email';
import { labelRuleTester } from './label-schema-tester';

const at = (v: string): string => `FROM alpine:3.20\nLABEL maintainer="${v}"\n`;

labelRuleTester(rule, { labelSchema: { maintainer: 'email' } }, {
  valid: [
    at('abcd@google.com'),
    { name: 'plus and dots', code: at('first.last+tag@mail.example.co.uk') },
    { name: 'display name', code: at('Jane Doe <jane@example.com>') },
    { name: 'variable', code: 'FROM alpine:3.20\nARG MAIL\nLABEL maintainer=$MAIL\n' },
    { name: 'other label', code: 'FROM alpine:3.20\nLABEL other="doo"\n' },
  ],
  invalid: [
    { code: at('not-email'), errors: [{ line: 2, column: 18, endColumn: 29, message: "Label 'maintainer' is not an email address: 'not-email'." }] },
    { name: 'two @', code: at('a@b@example.com'), errors: [{ line: 2 }] },
    { name: 'spelled out', code: at('team(at)example.com'), errors: [{ line: 2 }] },
    { name: 'domain ends with a dot', code: at('a@example.'), errors: [{ line: 2 }] },
    { name: 'no local part', code: at('@example.com'), errors: [{ line: 2 }] },
    { name: 'ONBUILD', code: 'FROM alpine:3.20\nONBUILD LABEL maintainer=nobody\n', errors: [{ line: 2 }] },
  ],
});
