import rule from '../../../rules/src/dockerfile/env-self-reference';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nENV A=1\nENV B=$A\n', { code: 'FROM alpine:3.20\nENV PATH=/x:${PATH}\n', name: 'own previous value' }, { code: 'FROM alpine:3.20\nENV BLA=1 BLUBB=$BLAFOO\n', name: 'longer name' }],
  invalid: [
    { code: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="${BLA}/x"\n', errors: [{ messageId: 'self', line: 2, column: 23, endColumn: 33 }] },
    { code: 'FROM alpine:3.20\nENV PATH=/a:${PATH} PATH=/b:${PATH}\n', name: 'same name twice', errors: [{ messageId: 'self', line: 2 }] },
  ],
});
