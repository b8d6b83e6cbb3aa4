import rule from '../../../rules/src/dockerfile/label-not-semver';
import { labelRuleTester } from './label-schema-tester';

const K = 'org.opencontainers.image.version';
const at = (v: string): string => `FROM alpine:3.20\nLABEL ${K}="${v}"\n`;

labelRuleTester(rule, { labelSchema: { [K]: 'semver' } }, {
  valid: [
    at('1.0.0'),
    { name: 'pre-release', code: at('2.0.1-rc1') },
    { name: 'dotted pre-release and build', code: at('1.0.0-alpha.1+build.5') },
    { name: 'variable', code: `FROM alpine:3.20\nARG VERSION\nLABEL ${K}=$VERSION\n` },
  ],
  invalid: [
    { code: at('not-sem-ver'), errors: [{ line: 2, message: `Label '${K}' is not a semantic version: 'not-sem-ver'.` }] },
    { name: 'leading v', code: at('v1.2.3'), errors: [{ line: 2 }] },
    { name: 'two parts', code: at('1.2'), errors: [{ line: 2 }] },
    { name: 'leading zero', code: at('01.2.3'), errors: [{ line: 2 }] },
    { name: 'numeric pre-release with leading zero', code: at('1.2.3-01'), errors: [{ line: 2 }] },
  ],
});
