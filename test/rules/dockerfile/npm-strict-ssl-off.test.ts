import rule from '../../../rules/src/dockerfile/npm-strict-ssl-off';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nRUN npm config set strict-ssl true\n', { code: 'FROM node:22\nENV NPM_CONFIG_STRICT_SSL=true\n', name: 'enabled' }, { code: 'FROM node:22\nRUN echo npm config set strict-ssl false\n', name: 'argument only' }],
  invalid: [
    { code: 'FROM node:22\nRUN npm config set strict-ssl false\n', errors: [{ messageId: 'off', line: 2, column: 20, endColumn: 30 }] },
    { code: 'FROM node:22\nRUN yarn config set strict-ssl false && yarn\n', name: 'yarn', errors: [{ messageId: 'off', line: 2 }] },
    { code: 'FROM node:22\nRUN npm ci --strict-ssl=false\n', name: 'flag', errors: [{ messageId: 'off', line: 2, column: 12 }] },
    { code: 'FROM node:22\nENV npm_config_strict_ssl=false\n', name: 'ENV, lower case', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 26 }] },
    { code: 'FROM node:22\nRUN npm set strict-ssl=false\n', name: 'npm set key=value', errors: [{ messageId: 'off', line: 2 }] },
  ],
});
