import rule from '../../../rules/src/dockerfile/label-not-spdx';
import { labelRuleTester } from './label-schema-tester';

const K = 'org.opencontainers.image.licenses';
const at = (v: string): string => `FROM alpine:3.20\nLABEL ${K}="${v}"\n`;

labelRuleTester(rule, { labelSchema: { [K]: 'spdx' } }, {
  valid: [
    at('MIT'),
    { name: 'identifier with digits', code: at('BSD-3-Clause') },
    { name: 'OR expression', code: at('MIT OR Apache-2.0') },
    { name: 'WITH exception', code: at('GPL-2.0-only WITH Classpath-exception-2.0') },
    { name: 'parenthesised', code: at('(MIT AND BSD-2-Clause) OR Apache-2.0') },
    { name: 'LicenseRef', code: at('LicenseRef-Proprietary') },
  ],
  invalid: [
    { code: at('not-spdx'), errors: [{ line: 2, message: `Label '${K}' is not an SPDX license identifier or expression: 'not-spdx'.` }] },
    { name: 'a name, not an id', code: at('Apache 2'), errors: [{ line: 2 }] },
    { name: 'long license name', code: at('Apache License 2.0'), errors: [{ line: 2 }] },
    { name: 'dangling operator', code: at('MIT OR'), errors: [{ line: 2 }] },
  ],
});
