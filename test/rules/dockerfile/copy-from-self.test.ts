import rule from '../../../rules/src/dockerfile/copy-from-self';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22 AS deps\nFROM node:22 AS app\nCOPY --from=deps /a /b\n', { code: 'FROM node:22\nCOPY --from=1 /a /b\n', name: 'index of another stage' }],
  invalid: [
    { code: 'FROM node:22 AS app\nCOPY --from=app /x /y\n', errors: [{ messageId: 'self', line: 2, column: 13, endColumn: 16 }] },
    { code: 'FROM node:22\nFROM node:22\nCOPY --from=1 /x /y\n', name: 'own index', errors: [{ messageId: 'self', line: 3 }] },
  ],
});
