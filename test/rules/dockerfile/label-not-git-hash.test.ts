import rule from '../../../rules/src/dockerfile/label-not-git-hash';
import { labelRuleTester } from './label-schema-tester';

const K = 'org.opencontainers.image.revision';
const at = (v: string): string => `FROM alpine:3.20\nLABEL ${K}="${v}"\n`;

labelRuleTester(rule, { labelSchema: { [K]: 'hash' } }, {
  valid: [
    at('2dbfae9'),
    { name: 'full SHA-1', code: at('43c572f1272b6b3171dd1db9e41b7027128ce080') },
    { name: 'SHA-256 object id', code: at('a'.repeat(64)) },
    { name: '12-digit abbreviation', code: at('43c572f1272b') },
    { name: 'variable', code: `FROM alpine:3.20\nARG GIT_SHA\nLABEL ${K}=\${GIT_SHA}\n` },
  ],
  invalid: [
    { code: at('not-git-hash'), errors: [{ line: 2, message: `Label '${K}' is not a git commit id: 'not-git-hash'.` }] },
    { name: 'branch name', code: at('main'), errors: [{ line: 2 }] },
    { name: 'too short', code: at('2dbfae'), errors: [{ line: 2 }] },
    { name: '41 digits', code: at('a'.repeat(41)), errors: [{ line: 2 }] },
  ],
});
