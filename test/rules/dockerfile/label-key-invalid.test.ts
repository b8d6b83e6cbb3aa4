import rule from '../../../rules/src/dockerfile/label-key-invalid';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nLABEL org.valid-key.label3="x" validlabel="y"\n'],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL com.docker.label="foo"\n', errors: [{ messageId: 'key', line: 2, column: 7, endColumn: 23, message: "Label key 'com.docker.label' uses a namespace reserved for Docker." }] },
    { code: 'FROM alpine:3.20\nLABEL invalid..key="foo"\n', name: 'consecutive separators', errors: [{ messageId: 'key', line: 2 }] },
  ],
});
