import rule from '../../../rules/src/dockerfile/label-not-rfc3339';
import { labelRuleTester } from './label-schema-tester';

const K = 'org.opencontainers.image.created';
const at = (v: string): string => `FROM alpine:3.20\nLABEL ${K}="${v}"\n`;

labelRuleTester(rule, { labelSchema: { [K]: 'rfc3339' } }, {
  valid: [
    at('2024-05-01T12:00:00Z'),
    { name: 'fraction and offset', code: at('2021-03-10T10:26:33.564595127+01:00') },
    { name: 'lower-case t and z', code: at('2024-05-01t12:00:00z') },
    { name: 'leap day', code: at('2024-02-29T00:00:00Z') },
    { name: 'leap second', code: at('2016-12-31T23:59:60Z') },
    { name: 'variable', code: `FROM alpine:3.20\nARG BUILD_DATE\nLABEL ${K}=$BUILD_DATE\n` },
  ],
  invalid: [
    { code: at('not-date'), errors: [{ line: 2, message: `Label '${K}' is not an RFC 3339 date-time: 'not-date'.` }] },
    { name: 'date only', code: at('2024-05-01'), errors: [{ line: 2 }] },
    { name: 'no time zone', code: at('2024-05-01T12:00:00'), errors: [{ line: 2 }] },
    { name: 'month 13', code: at('2024-13-01T12:00:00Z'), errors: [{ line: 2 }] },
    { name: 'Feb 29 outside a leap year', code: at('2023-02-29T12:00:00Z'), errors: [{ line: 2 }] },
    { name: 'hour 24', code: at('2024-05-01T24:00:00Z'), errors: [{ line: 2 }] },
    { name: 'free-form', code: at('May 1st 2024'), errors: [{ line: 2 }] },
  ],
});
