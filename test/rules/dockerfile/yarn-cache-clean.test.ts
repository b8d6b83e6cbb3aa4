import rule from '../../../rules/src/dockerfile/yarn-cache-clean';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nRUN yarn install && yarn cache clean\n',
    { code: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n', name: 'cache mount' },
    { code: 'FROM node:22 AS deps\nRUN yarn install\nFROM node:22\nCOPY --from=deps /node_modules /app/node_modules\n', name: 'build stage only copied from' },
  ],
  invalid: [
    { code: 'FROM node:22\nRUN yarn install --frozen-lockfile\n', output: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n', errors: [{ messageId: 'noClean', line: 2, column: 5, endColumn: 17 }] },
    { code: 'FROM node:22\nRUN yarn cache clean && yarn install\n', name: 'clean before install', output: 'FROM node:22\nRUN yarn cache clean && yarn install && yarn cache clean\n', errors: [{ messageId: 'noClean', line: 2, column: 25 }] },
  ],
});
